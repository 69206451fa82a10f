package dev.deskfeed.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlowAnswersTest {

  static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aQuickAnswerIsNotReported() {
    SlowAnswers slow = new SlowAnswers(0);
    assertThat(slow.check("POST", "/api/v1/heartbeats", 200, 100 * MS, 1_099 * MS)).isNull();
  }

  @Test
  void aSlowAnswerIsReportedWithItsRequestAndDuration() {
    SlowAnswers slow = new SlowAnswers(0);
    assertThat(slow.check("POST", "/api/0/buckets/b/heartbeat", 200, 100 * MS, 7_692 * MS))
        .startsWith("POST /api/0/buckets/b/heartbeat took 7592 ms from receipt (at ")
        .contains("to its answer (200)").contains("slow group commit");
  }

  @Test
  void warningsAreRateLimitedAndTheNextOneCountsWhatWasLeftOut() {
    SlowAnswers slow = new SlowAnswers(0);
    assertThat(slow.check("POST", "/a", 200, 0, 2_000 * MS)).isNotNull();
    assertThat(slow.check("POST", "/b", 200, 1_000 * MS, 3_000 * MS)).isNull();
    assertThat(slow.check("POST", "/c", 200, 2_000 * MS, 4_000 * MS)).isNull();
    assertThat(slow.check("POST", "/d", 200, 10_000 * MS, 12_500 * MS))
        .startsWith("POST /d took 2500 ms").contains("(2 more slow answers since the last warning)");
    assertThat(slow.check("POST", "/e", 200, 13_000 * MS, 14_500 * MS)).isNull();
  }
}
