package dev.deskfeed.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.WriteResult;
import dev.deskfeed.store.WriteResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streamed answer must be byte for byte what building the tree and serializing it gave. */
class IngestAnswerTest {

  @Test
  void timestampsMatchTheFormatterAcrossTheWholeRange() {
    long[] edges = {0, -1, 1, 999_999, 1_000_000, -1_000_000, -1_000_001, 951_782_400_000_000L /* 2000-02-29 */,
        -62_135_596_800_000_000L /* 0001-01-01 */, 253_402_300_799_999_999L /* 9999-12-31T23:59:59.999999 */,
        -62_135_596_800_000_001L, 253_402_300_800_000_000L, Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000};
    for (long micros : edges) {
      assertThat(IngestAnswer.timestamp(micros)).as("%d µs", micros).isEqualTo(Timestamps.format(micros));
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      long micros = random.nextLong(-70_000_000_000_000_000L, 260_000_000_000_000_000L);
      assertThat(IngestAnswer.timestamp(micros)).as("%d µs", micros).isEqualTo(Timestamps.format(micros));
    }
  }

  @Test
  void answerEqualsTheSerializedTree() {
    ObjectNode data = Json.parseObject("{\"app\":\"code\",\"title\":\"Ünïcode \\\"quoted\\\" — tab\\t\",\"n\":1.5}");
    Event updated = new Event(7L, 1_700_000_000_123_456L, 2_500_000L, data);
    Event inserted = new Event(8L, 1_700_000_010_000_000L, 0L, Json.object());
    ObjectNode failure = Json.object();
    failure.put("status", 404);
    failure.putObject("error").put("code", "not_found").put("message", "item 1: no bucket 'x'");

    IngestAnswer answer = new IngestAnswer();
    answer.success(new WriteResult(updated, Outcome.UPDATED));
    answer.failure(failure);
    answer.success(new WriteResult(inserted, Outcome.INSERTED));
    String streamed = new String(answer.finish(), StandardCharsets.UTF_8);

    ArrayNode results = Json.MAPPER.createArrayNode();
    results.add(tree(updated, "updated"));
    results.add(failure);
    results.add(tree(inserted, "inserted"));
    ObjectNode expected = Json.object();
    expected.set("results", results);
    assertThat(streamed).isEqualTo(Json.write(expected));
  }

  private static ObjectNode tree(Event event, String outcome) {
    ObjectNode node = Json.object();
    node.put("status", 200);
    node.put("outcome", outcome);
    node.set("event", EventJson.write(event));
    return node;
  }
}
