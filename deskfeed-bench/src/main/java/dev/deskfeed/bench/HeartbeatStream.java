package dev.deskfeed.bench;

import dev.deskfeed.core.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heartbeats of one window watcher into its own bucket, and what the server acknowledged of them.
 *
 * <p>The stream looks like aw-watcher-window: one heartbeat per second of watcher time, duration 0, pulsetime 2 s,
 * and the same {app, title} for {@value #RUN} heartbeats before the window changes. So one heartbeat in ten inserts
 * an event and nine extend it, the mix a real server sees. Watcher time starts a week ago and advances one second
 * per heartbeat, independent of wall time, which makes every answer predictable: heartbeat {@code n} must be
 * {@code inserted} when {@code n % 10 == 0} and otherwise {@code updated} to duration {@code n % 10} seconds on the
 * same event id. Each stream is used by one thread at a time, like a real watcher, so its heartbeats reach the
 * server in order.
 */
final class HeartbeatStream {

  static final int RUN = 10;
  static final String[][] WINDOWS = {
      {"firefox", "Issue 1842 · deskfeed/deskfeed — Mozilla Firefox"},
      {"code", "GroupCommitWriter.java — deskfeed — Visual Studio Code"},
      {"Alacritty", "mvn -q -B -ntp install: ~/src/deskfeed"},
      {"Slack", "Slack | #deskfeed-dev | Deskfeed"},
      {"evince", "sqlite-wal-format.pdf — page 4 of 12"},
      {"firefox", "SQLite Write-Ahead Logging — Mozilla Firefox"},
      {"code", "IngestBenchmark.java — deskfeed — Visual Studio Code"},
  };

  final String bucketId;
  private final byte[] authorization;
  private final long firstSecond;
  private final String bucketPrefix;
  private long next;
  private long[] runIds = new long[1024];
  private int[] runAckedSeconds = new int[1024];
  private int runs;
  private long acknowledged;
  private long unexpected;
  private boolean uncertain;

  HeartbeatStream(String bucketId, String token, long firstSecond) {
    this.bucketId = bucketId;
    this.authorization = ("Authorization: Bearer " + token + "\r\n").getBytes(StandardCharsets.US_ASCII);
    this.firstSecond = firstSecond;
    this.bucketPrefix = "[{\"bucket\":\"" + bucketId + "\",\"pulsetime\":2.0,\"timestamp\":\"";
  }

  byte[] authorization() {
    return authorization;
  }

  /** The body of the next heartbeat, a one-item batch as the native API takes it. */
  byte[] nextBody() {
    String[] window = WINDOWS[(int) (next / RUN % WINDOWS.length)];
    String body = bucketPrefix + Instant.ofEpochSecond(firstSecond + next) + "\",\"duration\":0,\"data\":{\"app\":\""
        + window[0] + "\",\"title\":\"" + window[1] + "\"}}]";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Records the answer to the heartbeat last built by {@link #nextBody()} and moves on. Returns false (and counts
   * it) when the answer was not the one the merge rule predicts.
   */
  boolean acknowledged(byte[] response) {
    long n = next++;
    int run = (int) (n / RUN);
    int second = (int) (n % RUN);
    String outcome = ResponseScan.string(response, "\"outcome\":\"");
    long id = ResponseScan.number(response, "\"id\":");
    double duration = ResponseScan.decimal(response, "\"duration\":");
    boolean expected = (second == 0 ? "inserted".equals(outcome) : "updated".equals(outcome)) && id > 0
        && duration == second && (second == 0 || (run < runs && runIds[run] == id));
    if (!expected) {
      unexpected++;
      return false;
    }
    if (second == 0) {
      if (run >= runIds.length) {
        runIds = Arrays.copyOf(runIds, runIds.length * 2);
        runAckedSeconds = Arrays.copyOf(runAckedSeconds, runAckedSeconds.length * 2);
      }
      runIds[run] = id;
      runs = run + 1;
    }
    runAckedSeconds[run] = second;
    acknowledged++;
    return true;
  }

  /** The heartbeat last built failed or got no answer: it may or may not be stored, so counts become loose. */
  void failed() {
    next++;
    uncertain = true;
  }

  long acknowledgedCount() {
    return acknowledged;
  }

  long unexpectedCount() {
    return unexpected;
  }

  /**
   * Checks the bucket's events as stored against every acknowledgement: each acknowledged event exists, starts
   * where its first heartbeat did, has its data, and lasts at least as long as its last acknowledged heartbeat
   * said; and, unless a request failed, the bucket holds exactly those events.
   */
  Verification verify(List<Event> stored) {
    Map<Long, Event> byId = new HashMap<>();
    stored.forEach(event -> byId.put(event.id(), event));
    long missing = 0;
    long wrong = 0;
    for (int run = 0; run < runs; run++) {
      Event event = byId.get(runIds[run]);
      if (event == null) {
        missing++;
        continue;
      }
      String[] window = WINDOWS[run % WINDOWS.length];
      boolean right = event.start() == (firstSecond + (long) run * RUN) * 1_000_000L
          && event.duration() >= runAckedSeconds[run] * 1_000_000L
          && window[0].equals(event.data().path("app").asText())
          && window[1].equals(event.data().path("title").asText());
      if (!right) {
        wrong++;
      }
    }
    long extra = uncertain ? 0 : Math.max(0, stored.size() - runs);
    return new Verification(acknowledged, runs, runs - missing, missing, wrong + extra);
  }

  /** What one bucket's check found; {@code problems} counts wrong or unexplained events. */
  record Verification(long acknowledged, long events, long found, long missing, long problems) {

    Verification plus(Verification other) {
      return new Verification(acknowledged + other.acknowledged, events + other.events, found + other.found,
          missing + other.missing, problems + other.problems);
    }

    boolean ok() {
      return missing == 0 && problems == 0 && acknowledged > 0;
    }
  }

  /** Reads single fields out of a small JSON answer without a parser, to keep the load generator cheap. */
  static final class ResponseScan {

    private ResponseScan() {}

    static int indexOf(byte[] haystack, String needle) {
      byte[] pattern = needle.getBytes(StandardCharsets.US_ASCII);
      outer:
      for (int i = 0; i + pattern.length <= haystack.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (haystack[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i + pattern.length;
      }
      return -1;
    }

    static String string(byte[] json, String key) {
      int start = indexOf(json, key);
      if (start < 0) {
        return null;
      }
      int end = start;
      while (end < json.length && json[end] != '"') {
        end++;
      }
      return new String(json, start, end - start, StandardCharsets.UTF_8);
    }

    static long number(byte[] json, String key) {
      int at = indexOf(json, key);
      if (at < 0) {
        return -1;
      }
      long value = 0;
      while (at < json.length && json[at] >= '0' && json[at] <= '9') {
        value = value * 10 + (json[at++] - '0');
      }
      return value;
    }

    static double decimal(byte[] json, String key) {
      int start = indexOf(json, key);
      if (start < 0) {
        return Double.NaN;
      }
      int end = start;
      while (end < json.length && "0123456789.eE+-".indexOf(json[end]) >= 0) {
        end++;
      }
      return Double.parseDouble(new String(json, start, end - start, StandardCharsets.US_ASCII));
    }
  }
}
