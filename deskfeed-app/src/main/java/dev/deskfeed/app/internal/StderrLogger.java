package dev.deskfeed.app.internal;

import java.io.PrintStream;
import java.time.LocalTime;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One logger of {@link StderrLogging}: writes {@code HH:mm:ss.SSS LEVEL Logger - message} to stderr, the layout of
 * {@link LogSetup#PATTERN}, followed by the stack trace of a throwable.
 */
final class StderrLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  private final String shortName;
  private final Level threshold;

  StderrLogger(String name, Level threshold) {
    this.name = name;
    this.shortName = name.substring(name.lastIndexOf('.') + 1);
    this.threshold = threshold;
  }

  private boolean enabled(Level level) {
    return threshold != null && level.toInt() >= threshold.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
      Throwable throwable) {
    LocalTime now = LocalTime.now();
    StringBuilder line = new StringBuilder(96);
    two(line, now.getHour()).append(':');
    two(line, now.getMinute()).append(':');
    two(line, now.getSecond()).append('.');
    int millis = now.getNano() / 1_000_000;
    line.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append(' ');
    String levelName = level.name();
    line.append(levelName).append(" ".repeat(Math.max(0, 5 - levelName.length()))).append(' ');
    line.append(shortName).append(" - ").append(MessageFormatter.basicArrayFormat(pattern, arguments));
    PrintStream err = System.err;
    synchronized (err) {
      err.println(line);
      if (throwable != null) {
        throwable.printStackTrace(err);
      }
    }
  }

  private static StringBuilder two(StringBuilder line, int value) {
    return line.append(value < 10 ? "0" : "").append(value);
  }
}
