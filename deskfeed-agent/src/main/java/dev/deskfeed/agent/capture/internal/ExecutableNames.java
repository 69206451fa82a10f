package dev.deskfeed.agent.capture.internal;

/**
 * Turns executable paths into the short names shown as the app or process: the last path element, with either
 * separator, since Windows image paths use backslashes (and may carry a {@code \\?\} prefix) and Unix paths slashes.
 */
public final class ExecutableNames {

  private ExecutableNames() {}

  /** {@code C:\Program Files\Mozilla Firefox\firefox.exe} gives {@code firefox.exe}; "" for an empty path. */
  public static String baseName(String path) {
    if (path == null) {
      return "";
    }
    String trimmed = path.strip();
    int end = trimmed.length();
    while (end > 0 && isSeparator(trimmed.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !isSeparator(trimmed.charAt(start - 1))) {
      start--;
    }
    return trimmed.substring(start, end);
  }

  /**
   * The name of a macOS application from its bundle or executable path:
   * {@code /Applications/Safari.app/Contents/MacOS/Safari} and {@code /Applications/Safari.app} both give
   * {@code Safari}. Used when the application has no localized name.
   */
  public static String macApplicationName(String path) {
    if (path == null) {
      return "";
    }
    int bundle = path.indexOf(".app/");
    String name = bundle >= 0 ? baseName(path.substring(0, bundle + 4)) : baseName(path);
    return name.endsWith(".app") ? name.substring(0, name.length() - 4) : name;
  }

  private static boolean isSeparator(char c) {
    return c == '/' || c == '\\';
  }
}
