package dev.deskfeed.api.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost:5600", "LOCALHOST:5666", "127.0.0.1", "127.0.0.1:5600",
      "[::1]", "[::1]:5600", " localhost:1 ", "127.0.0.1:65535"})
  void loopbackNamesPass(String host) {
    assertThat(HostCheck.isLoopbackHost(host)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"evil.example", "evil.example:5600", "localhost.evil.example", "127.0.0.1.nip.io",
      "127.0.0.2:5600", "0.0.0.0:5600", "192.168.0.1:1234", "localhost:", "localhost:abc", "localhost:0",
      "localhost:65536", "localhost:5600:1", "[::1", "[::2]:5600", "[::1]5600", "::1", "localhost.",
      "localhost@evil.example", "127.0.0.1:٥٦٠٠"})
  void everythingElseFails(String host) {
    assertThat(HostCheck.isLoopbackHost(host)).isFalse();
  }
}
