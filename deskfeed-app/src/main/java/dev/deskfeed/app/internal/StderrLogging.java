package dev.deskfeed.app.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The desktop agent's logging: the same lines on stderr as {@link LogSetup} gives every other command, without
 * logback. The agent runs all day on every computer, and logback's classes alone cost it about 1.5 MB of resident
 * memory (docs/benchmarks.md). Chosen by {@link dev.deskfeed.app.Main} through SLF4J's {@code slf4j.provider}
 * property for {@code deskfeed agent}, unless a logging configuration was asked for.
 */
public final class StderrLogging implements SLF4JServiceProvider, ILoggerFactory {

  /** Libraries whose INFO lines are noise, as in {@link LogSetup}. */
  static final List<String> QUIET = List.of("org.flywaydb", "com.zaxxer.hikari", "org.eclipse.jetty", "io.javalin");

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private Level root = Level.INFO;

  /** True when {@code deskfeed agent} should log through this provider rather than logback. */
  public static boolean suitsThisProcess() {
    return System.getProperty("slf4j.provider") == null && System.getProperty("logback.configurationFile") == null;
  }

  @Override
  public void initialize() {
    String setting = System.getProperty("DESKFEED_LOG_LEVEL", System.getenv("DESKFEED_LOG_LEVEL"));
    root = level(setting, Level.INFO);
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, key -> new StderrLogger(key, threshold(key)));
  }

  /** The lowest level a logger writes, or null for none (OFF). */
  Level threshold(String name) {
    for (String quiet : QUIET) {
      if (name.equals(quiet) || name.startsWith(quiet + ".")) {
        return Level.WARN;
      }
    }
    return root;
  }

  /** A level name as logback reads it (ALL is TRACE; OFF is null), or the fallback when it is none. */
  static Level level(String name, Level fallback) {
    if (name == null) {
      return fallback;
    }
    switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "ALL", "TRACE" -> {
        return Level.TRACE;
      }
      case "DEBUG" -> {
        return Level.DEBUG;
      }
      case "INFO" -> {
        return Level.INFO;
      }
      case "WARN" -> {
        return Level.WARN;
      }
      case "ERROR" -> {
        return Level.ERROR;
      }
      case "OFF" -> {
        return null;
      }
      default -> {
        return fallback;
      }
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return this;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }
}
