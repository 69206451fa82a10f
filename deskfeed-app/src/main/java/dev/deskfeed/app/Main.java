package dev.deskfeed.app;

import dev.deskfeed.app.internal.DeskfeedCommand;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of the {@code deskfeed} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    quietUnlessLongRunning(args);
    return DeskfeedCommand.commandLine().execute(args);
  }

  /** One-shot commands print their result; their INFO logs would only be noise around it. */
  private static void quietUnlessLongRunning(String[] args) {
    boolean longRunning = args.length > 0 && (args[0].equals("up") || args[0].equals("server")
        || args[0].equals("agent"));
    if (!longRunning && System.getenv("DESKFEED_LOG_LEVEL") == null
        && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }
}
