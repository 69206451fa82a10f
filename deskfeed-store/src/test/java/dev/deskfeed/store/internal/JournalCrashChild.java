package dev.deskfeed.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.WriteResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The process {@link JournalRecoveryTest} kills: it sends heartbeats to a bucket, prints each acknowledgement (event
 * id and end) as soon as it has it, and then halts the JVM at once, like {@code kill -9}: no shutdown hook, no close,
 * no commit.
 */
public final class JournalCrashChild {

  private JournalCrashChild() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    long bucketRow = Long.parseLong(args[1]);
    long first = Long.parseLong(args[2]);
    int count = Integer.parseInt(args[3]);
    boolean durable = Boolean.parseBoolean(args[4]);
    Store store = Store.open(StoreConfig.sqlite(data).withDurableSync(durable));
    // Bursts of ten, each heartbeat its own write, as ten clients would send them: the writer journals groups of
    // several writes (a lone write it simply commits).
    for (int burst = 0; burst < count / 10; burst++) {
      List<CompletableFuture<List<WriteResult>>> answers = new ArrayList<>();
      for (int i = burst * 10; i < burst * 10 + 10; i++) {
        // five heartbeats a second apart per title: one insert, four extensions
        ObjectNode payload = Json.object().put("app", "crash").put("title", "run " + (i / 5));
        answers.add(store.events().writer().heartbeatsAsync(bucketRow,
            List.of(Event.of(first + i * 1_000_000L, 0, payload)), 2_000_000L));
      }
      for (CompletableFuture<List<WriteResult>> answer : answers) {
        WriteResult result = answer.join().get(0);
        System.out.println("ack " + result.event().id() + " " + result.event().start() + " " + result.event().end());
      }
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
