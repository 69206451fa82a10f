package dev.deskfeed.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlowGroupsTest {

  static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aQuickGroupSaysNothing() {
    SlowGroups slow = new SlowGroups(0);
    assertThat(slow.check(40, 0, 1 * MS, 5 * MS, 499 * MS)).isNull();
  }

  @Test
  void aSlowGroupSaysWhereItsTimeWent() {
    SlowGroups slow = new SlowGroups(0);
    assertThat(slow.check(37, 0, 10 * MS, 30 * MS, 2_750 * MS))
        .startsWith("a group commit of 37 writes took 2750 ms: 10 ms waiting for the write lock, 20 ms of "
            + "statements, 2720 ms committing;")
        .contains("slow or busy disk");
  }

  @Test
  void warningsAreSpacedAndCountTheOnesLeftOut() {
    SlowGroups slow = new SlowGroups(0);
    long t = 1_000 * MS;
    assertThat(slow.check(1, t, t, t, t + 600 * MS)).isNotNull();
    t += 1_000 * MS;
    assertThat(slow.check(1, t, t, t, t + 600 * MS)).as("1.6 s after the first warning").isNull();
    t += 2_000 * MS;
    assertThat(slow.check(1, t, t, t, t + 600 * MS)).isNull();
    t = 1_600 * MS + SlowGroups.INTERVAL_NANOS;
    assertThat(slow.check(1, t, t + 700 * MS, t + 700 * MS, t + 800 * MS))
        .contains("700 ms waiting for the write lock").endsWith("(2 more slow groups since the last); its callers "
            + "waited as long. A long commit means a slow or busy disk (or a checkpoint inside the commit), a long "
            + "lock wait another writer on this database");
  }
}
