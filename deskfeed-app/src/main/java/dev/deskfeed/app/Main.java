package dev.deskfeed.app;

import dev.deskfeed.app.internal.DeskfeedCommand;
import dev.deskfeed.app.internal.StderrLogging;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of the {@code deskfeed} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("agent") && StderrLogging.suitsThisProcess()) {
      // The agent stays small without logback, with the same log lines (docs/benchmarks.md). Only here, before
      // anything logs, and not in run(), which tests call in a JVM whose logging is already set up.
      System.setProperty("slf4j.provider", StderrLogging.class.getName());
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN"); // no "loading provider" line on every start
      }
    }
    if (args.length > 0 && args[0].equals("agent")) {
      // Only the agent's commands: the agent keeps what picocli built for as long as it runs (docs/benchmarks.md).
      System.exit(DeskfeedCommand.agentCommandLine().execute(Arrays.copyOfRange(args, 1, args.length)));
    }
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
