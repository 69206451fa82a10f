package dev.deskfeed.importers.demo;

import java.util.SplittableRandom;

/**
 * One kind of window an activity shows: the app as the window watcher reports it, how often it comes up, and how
 * its titles (and, for the browser, URLs) look.
 */
record Window(String app, int weight, Titles titles) {

  static final String BROWSER = "Google-chrome";

  /** A title and, for a browser tab, its URL (null otherwise). */
  record Shown(String title, String url) {}

  @FunctionalInterface
  interface Titles {
    Shown next(SplittableRandom random);
  }

  static Window app(String app, int weight, Titles titles) {
    return new Window(app, weight, titles);
  }

  static Shown title(String title) {
    return new Shown(title, null);
  }

  static Shown page(String url, String title) {
    return new Shown(title, url);
  }

  boolean isBrowser() {
    return app.equals(BROWSER);
  }
}
