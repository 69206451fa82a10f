package dev.deskfeed.agent.capture.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A window property as XGetWindowProperty returned it, copied out of Xlib's memory, with the decoding rules
 * EWMH and ICCCM ask for. Format-8 data sits in {@code bytes}; format-16 and format-32 data in {@code values}
 * (Xlib widens format 32 to C {@code long}, which is 8 bytes on 64-bit Linux, so the copy is per item, not per byte).
 * A property that is absent, or on a window that no longer exists, is {@link #ABSENT}.
 */
public record XProperty(long type, int format, byte[] bytes, long[] values) {

  /** No such property (type {@code None}). */
  public static final XProperty ABSENT = new XProperty(0, 0, new byte[0], new long[0]);

  private static final byte ESC = 0x1b;

  public boolean isAbsent() {
    return type == 0;
  }

  /** The first item of a format-32 property (a CARDINAL or WINDOW), or {@code fallback} if there is none. */
  public long firstValue(long fallback) {
    return format == 32 && values.length > 0 ? values[0] : fallback;
  }

  /**
   * The property as one string, decoded by its type: UTF8_STRING as UTF-8, COMPOUND_TEXT by its escape sequences,
   * anything else (STRING) as Latin-1, which is what ICCCM defines STRING to be. Trailing NULs are dropped.
   */
  public String text(long utf8StringAtom, long compoundTextAtom) {
    if (format != 8 || bytes.length == 0) {
      return "";
    }
    int length = bytes.length;
    while (length > 0 && bytes[length - 1] == 0) {
      length--;
    }
    return decode(bytes, 0, length, utf8StringAtom, compoundTextAtom);
  }

  /**
   * The property as a list of NUL-terminated strings, as in WM_CLASS ({@code instance\0class\0}) and
   * _NET_DESKTOP_NAMES. A missing final NUL is tolerated; empty names in the middle are kept.
   */
  public List<String> texts(long utf8StringAtom, long compoundTextAtom) {
    List<String> result = new ArrayList<>();
    if (format != 8) {
      return result;
    }
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length ? i > start : bytes[i] == 0) {
        result.add(decode(bytes, start, i - start, utf8StringAtom, compoundTextAtom));
        start = i + 1;
      }
    }
    return result;
  }

  private String decode(byte[] data, int offset, int length, long utf8StringAtom, long compoundTextAtom) {
    if (type == utf8StringAtom) {
      return new String(data, offset, length, StandardCharsets.UTF_8);
    }
    if (type == compoundTextAtom) {
      return compoundText(data, offset, length);
    }
    return new String(data, offset, length, StandardCharsets.ISO_8859_1);
  }

  /**
   * Just enough COMPOUND_TEXT for window titles: the {@code ESC % G ... ESC % @} sections are UTF-8, other
   * designation sequences are skipped, and the remaining bytes are read as Latin-1, the encoding COMPOUND_TEXT
   * starts in. Titles in other legacy charsets come out garbled rather than failing; modern clients set
   * _NET_WM_NAME anyway, which is read first.
   */
  static String compoundText(byte[] data, int offset, int length) {
    StringBuilder text = new StringBuilder(length);
    ByteArrayOutputStream utf8 = null;
    int end = offset + length;
    int i = offset;
    while (i < end) {
      if (data[i] == ESC && i + 2 < end && data[i + 1] == '%' && (data[i + 2] == 'G' || data[i + 2] == '@')) {
        if (data[i + 2] == 'G') {
          utf8 = new ByteArrayOutputStream();
        } else if (utf8 != null) {
          text.append(utf8.toString(StandardCharsets.UTF_8));
          utf8 = null;
        }
        i += 3;
      } else if (data[i] == ESC) {
        // Skip an ISO 2022 designation: ESC, intermediate bytes 0x20-0x2F, one final byte.
        i++;
        while (i < end && data[i] >= 0x20 && data[i] <= 0x2f) {
          i++;
        }
        i++;
      } else if (utf8 != null) {
        utf8.write(data[i++]);
      } else {
        text.append((char) (data[i++] & 0xff));
      }
    }
    if (utf8 != null) {
      text.append(utf8.toString(StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}
