package dev.deskfeed.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.api.sync.SyncWire;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.SyncChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchJsonTest {

  @Test
  void writesExactlyWhatSyncWireWritesAndReads() {
    Bucket window = new Bucket("aw-watcher-window_desk", "currentwindow", "deskfeed-agent", "desk",
        1_700_000_000_000_000L, Json.parseObject("{\"note\":\"ü\"}"));
    Bucket afk = new Bucket("aw-watcher-afk_desk", "afkstatus", "deskfeed-agent", "desk", 1_700_000_000_000_001L,
        Json.object());
    SyncWire.Batch batch = new SyncWire.Batch("log1", 9, List.of(
        new SyncChange(7, window, "17", new Event(17L, 1_700_000_000_123_456L, 2_500_000,
            Json.parseObject("{\"app\":\"Firefox\",\"title\":\"Grüße \\\"quoted\\\"\"}"))),
        new SyncChange(8, afk, "18", Event.of(1_700_000_001_000_000L, 0, Json.parseObject("{\"status\":\"afk\"}"))),
        new SyncChange(9, window, "12", null)));

    String streamed = new String(BatchJson.write(batch), StandardCharsets.UTF_8);

    assertThat(streamed).isEqualTo(Json.write(SyncWire.write(batch)));
    SyncWire.Batch read = SyncWire.read(Json.parse(streamed));
    assertThat(read.lastSeq()).isEqualTo(9);
    assertThat(read.changes()).hasSize(3);
    assertThat(read.changes().get(2).deleted()).isTrue();
    assertThat(read.changes().get(0).event().data().path("title").asText()).isEqualTo("Grüße \"quoted\"");
  }
}
