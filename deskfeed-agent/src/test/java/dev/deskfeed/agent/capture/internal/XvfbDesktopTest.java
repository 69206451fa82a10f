package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The X tests may only skip for missing tools outside CI; under CI=true a missing tool must fail the build. */
class XvfbDesktopTest {

  @Test
  void aMissingToolSkipsLocallyAndFailsUnderCi() {
    boolean ci = "true".equals(System.getenv("CI"));

    assertThatThrownBy(() -> XvfbDesktop.requireTools("deskfeed-no-such-tool"))
        .isInstanceOf(ci ? AssertionError.class : TestAbortedException.class)
        .hasMessageContaining("deskfeed-no-such-tool")
        .hasMessageContaining("apt-get install -y xvfb");
  }
}
