package dev.deskfeed.agent.capture.internal;

/**
 * Strings out of fixed native buffers, where the reported length and the terminating NUL can disagree: Windows
 * fills a UTF-16 {@code char[]} and returns how many characters it wrote, and a length of 0 can mean either an
 * empty title or an error.
 */
public final class NativeStrings {

  private NativeStrings() {}

  /** The first {@code length} characters of {@code buffer}, clamped to it, stopping early at a NUL. */
  public static String utf16(char[] buffer, int length) {
    int end = Math.max(0, Math.min(length, buffer.length));
    for (int i = 0; i < end; i++) {
      if (buffer[i] == '\0') {
        end = i;
        break;
      }
    }
    return new String(buffer, 0, end);
  }
}
