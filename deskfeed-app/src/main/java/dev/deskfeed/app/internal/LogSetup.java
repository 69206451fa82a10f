package dev.deskfeed.app.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Deskfeed's logging, set up in code (found by logback through {@code META-INF/services}): logs go to stderr so
 * that commands like {@code token create} print only their result on stdout; {@code DESKFEED_LOG_LEVEL} sets the
 * level (default INFO); the libraries' INFO chatter is off.
 *
 * <p>In code rather than in a {@code logback.xml} because reading XML loads logback's configuration framework and
 * the JDK's XML parser, a few megabytes that the desktop agent would carry all day (docs/benchmarks.md). A
 * configuration file given the usual logback ways ({@code -Dlogback.configurationFile}, or {@code logback.xml} or
 * {@code logback-test.xml} on the class path) still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null || onClassPath("logback-test.xml")
        || onClassPath("logback.xml")) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("ERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    for (String quiet : new String[] {"org.flywaydb", "com.zaxxer.hikari", "org.eclipse.jetty", "io.javalin"}) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(setting("DESKFEED_LOG_LEVEL"), Level.INFO));
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** As logback's {@code ${NAME}}: a system property, else an environment variable. */
  private static String setting(String name) {
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(name);
  }

  private static boolean onClassPath(String resource) {
    ClassLoader loader = LogSetup.class.getClassLoader();
    return loader != null && loader.getResource(resource) != null;
  }
}
