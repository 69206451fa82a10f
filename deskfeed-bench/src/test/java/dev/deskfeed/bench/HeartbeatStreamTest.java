package dev.deskfeed.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's own bookkeeping must be right, or its check proves nothing: it predicts each answer from the
 * merge rule and finds a lost or shortened event.
 */
class HeartbeatStreamTest {

  private static final long FIRST = 1_800_000_000L;

  @Test
  void bodiesLookLikeAWindowWatcherAndChangeWindowEveryRun() {
    HeartbeatStream stream = new HeartbeatStream("b", "token", FIRST);
    String first = new String(stream.nextBody(), StandardCharsets.UTF_8);
    assertThat(Json.parse(first).get(0).get("pulsetime").asDouble()).isEqualTo(2.0);
    for (int n = 0; n < HeartbeatStream.RUN; n++) {
      assertThat(stream.acknowledged(answer(n == 0 ? "inserted" : "updated", 7, n))).isTrue();
    }
    String next = new String(stream.nextBody(), StandardCharsets.UTF_8);
    assertThat(Json.parse(next).get(0).get("data")).isNotEqualTo(Json.parse(first).get(0).get("data"));
  }

  @Test
  void anAnswerTheMergeRuleDoesNotPredictIsCounted() {
    HeartbeatStream stream = new HeartbeatStream("b", "token", FIRST);
    assertThat(stream.acknowledged(answer("inserted", 7, 0))).isTrue();
    assertThat(stream.acknowledged(answer("inserted", 8, 0))).isFalse();
    assertThat(stream.unexpectedCount()).isEqualTo(1);
  }

  @Test
  void verificationFindsMissingAndShortenedEvents() {
    HeartbeatStream stream = new HeartbeatStream("b", "token", FIRST);
    for (int n = 0; n < 15; n++) {
      stream.acknowledged(answer(n % 10 == 0 ? "inserted" : "updated", n < 10 ? 7 : 9, n % 10));
    }
    Event whole = event(7, 0, 9);
    Event second = event(9, 1, 4);
    assertThat(stream.verify(List.of(whole, second)).ok()).isTrue();
    assertThat(stream.verify(List.of(whole)).missing()).isEqualTo(1);
    assertThat(stream.verify(List.of(whole, event(9, 1, 3))).problems()).isEqualTo(1);
    assertThat(stream.verify(List.of(whole, second, event(11, 2, 0))).problems()).isEqualTo(1);
  }

  private static Event event(long id, int run, int seconds) {
    String[] window = HeartbeatStream.WINDOWS[run % HeartbeatStream.WINDOWS.length];
    return new Event(id, (FIRST + run * (long) HeartbeatStream.RUN) * 1_000_000L, seconds * 1_000_000L,
        Json.object().put("app", window[0]).put("title", window[1]));
  }

  private static byte[] answer(String outcome, long id, int seconds) {
    return ("{\"results\":[{\"status\":200,\"outcome\":\"" + outcome + "\",\"event\":{\"id\":" + id
        + ",\"timestamp\":\"2027-01-15T08:00:00.000000+00:00\",\"duration\":" + seconds + ".0,\"data\":{}}}]}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
