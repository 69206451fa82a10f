package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WM_CLIENT_MACHINE decides whether a window's _NET_WM_PID can be looked up in our /proc. */
class X11HostNamesTest {

  @Test
  void sameHostIgnoresCaseAndDomain() {
    assertThat(X11Backend.sameHost("laptop", "LAPTOP")).isTrue();
    assertThat(X11Backend.sameHost("laptop.example.org", "laptop")).isTrue();
    assertThat(X11Backend.sameHost("buildbox", "laptop")).isFalse();
  }
}
