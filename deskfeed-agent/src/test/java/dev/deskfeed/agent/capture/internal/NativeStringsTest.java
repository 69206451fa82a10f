package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeStringsTest {

  @Test
  void takesTheReportedLength() {
    char[] buffer = "Inbox – Mail\0junk".toCharArray();

    assertThat(NativeStrings.utf16(buffer, 12)).isEqualTo("Inbox – Mail");
  }

  @Test
  void stopsAtANulInsideTheReportedLength() {
    assertThat(NativeStrings.utf16("abc\0def".toCharArray(), 7)).isEqualTo("abc");
  }

  @Test
  void clampsLengthsThatDoNotFitTheBuffer() {
    assertThat(NativeStrings.utf16("abc".toCharArray(), 99)).isEqualTo("abc");
    assertThat(NativeStrings.utf16("abc".toCharArray(), -1)).isEmpty();
  }

  @Test
  void keepsSurrogatePairs() {
    char[] buffer = "😀 ok".toCharArray();

    assertThat(NativeStrings.utf16(buffer, buffer.length)).isEqualTo("😀 ok");
  }
}
