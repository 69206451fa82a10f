package dev.deskfeed.server.presence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The embeddable widget, {@code /public/{user}/widget.js}: one {@code <script>} tag renders the user's public
 * devices (name, status dot, current app or category, last seen) and keeps them live over the events stream.
 *
 * <p>The script is the same for every user: it finds its own {@code src} and derives the events URL from it, so it
 * works under any host name and behind a proxy with a path prefix, and the server never splices user text into
 * JavaScript. It renders with {@code textContent} only, so a window title cannot inject markup. Read once from
 * {@code public/widget.js} on the classpath.
 */
final class WidgetScript {

  private final byte[] bytes;

  WidgetScript() {
    try (InputStream in = WidgetScript.class.getResourceAsStream("/public/widget.js")) {
      if (in == null) {
        throw new IllegalStateException("public/widget.js is missing from the server's resources");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] bytes() {
    return bytes;
  }
}
