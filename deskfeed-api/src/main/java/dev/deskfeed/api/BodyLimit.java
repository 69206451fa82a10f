package dev.deskfeed.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit, so an oversized or endless body is refused with 413 before it fills memory.
 * Both HTTP front ends (Javalin, the JDK server) read bodies through here.
 */
public final class BodyLimit {

  /** 16 MiB: a batch of 10,000 events fits; imports stream through their own endpoint. */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  private BodyLimit() {}

  public static byte[] read(InputStream in, long declaredLength, long maxBytes) throws IOException {
    if (declaredLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) != -1) {
      total += read;
      if (total > maxBytes) {
        throw tooLarge(maxBytes);
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static ApiException tooLarge(long maxBytes) {
    return new ApiException(413, "body_too_large",
        "the request body is larger than " + maxBytes / 1024 + " KiB; send smaller batches");
  }
}
