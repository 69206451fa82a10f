package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesUpToTheCapAndStartsOverAfterReset() {
    Backoff backoff = new Backoff(250, 1_000);

    assertThat(new long[] {backoff.next(), backoff.next(), backoff.next(), backoff.next()})
        .containsExactly(250, 500, 1_000, 1_000);
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(250);
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> new Backoff(0, 10)).hasMessageContaining("initialMillis");
    assertThatThrownBy(() -> new Backoff(100, 10)).hasMessageContaining("maxMillis");
  }
}
