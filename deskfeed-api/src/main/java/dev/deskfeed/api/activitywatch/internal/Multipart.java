package dev.deskfeed.api.activitywatch.internal;

import dev.deskfeed.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A minimal {@code multipart/form-data} reader (RFC 7578) for the one upload the ActivityWatch API takes: aw-webui
 * posts an export file to {@code /api/0/import} as a form field. It works on the whole body in memory, which the
 * body limit already bounds, and needs CRLF line breaks as browsers, curl and Java's clients send them.
 */
public final class Multipart {

  /** One form field: its name, the uploaded file's name (or null) and its raw content. */
  public record Part(String name, String fileName, byte[] content) {}

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private Multipart() {}

  public static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** Splits the body into its parts; 400 when the content type has no boundary or the body does not follow it. */
  public static List<Part> parse(byte[] body, String contentType) {
    byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
    int position = indexOf(body, delimiter, 0);
    if (position < 0) {
      throw malformed("the body never contains its boundary");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      position += delimiter.length;
      if (startsWith(body, position, new byte[] {'-', '-'})) {
        return parts; // the closing delimiter
      }
      if (!startsWith(body, position, CRLF)) {
        throw malformed("a boundary is not followed by a line break");
      }
      int headersStart = position + CRLF.length;
      int headersEnd = indexOf(body, HEADER_END, headersStart);
      if (headersEnd < 0) {
        throw malformed("a part has no end of headers");
      }
      byte[] nextDelimiter = concat(CRLF, delimiter);
      int contentEnd = indexOf(body, nextDelimiter, headersEnd + HEADER_END.length);
      if (contentEnd < 0) {
        throw malformed("the last part is not closed by its boundary");
      }
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      byte[] content = Arrays.copyOfRange(body, headersEnd + HEADER_END.length, contentEnd);
      parts.add(new Part(dispositionParam(headers, "name"), dispositionParam(headers, "filename"), content));
      position = contentEnd + CRLF.length;
    }
  }

  static String boundary(String contentType) {
    for (String param : contentType.split(";")) {
      String trimmed = param.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = trimmed.substring("boundary=".length());
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    throw malformed("the Content-Type header has no boundary");
  }

  /** A parameter of the part's Content-Disposition header, such as {@code name="buckets.json"}. */
  private static String dispositionParam(String headers, String param) {
    for (String line : headers.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        continue;
      }
      for (String piece : line.substring(line.indexOf(':') + 1).split(";")) {
        String trimmed = piece.trim();
        int equals = trimmed.indexOf('=');
        if (equals > 0 && trimmed.substring(0, equals).trim().equalsIgnoreCase(param)) {
          String value = trimmed.substring(equals + 1).trim();
          return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
              ? value.substring(1, value.length() - 1) : value;
        }
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    return offset + prefix.length <= data.length
        && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  private static ApiException malformed(String why) {
    return ApiException.badRequest("malformed_multipart", "malformed multipart/form-data body: " + why);
  }
}
