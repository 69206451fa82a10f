package dev.deskfeed.app.agent;

import dev.deskfeed.app.internal.AgentCommand;
import dev.deskfeed.app.internal.DeskfeedCommand;
import dev.deskfeed.app.internal.StatusCommand;
import dev.deskfeed.app.internal.TaskCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code deskfeed} command line with the agent's commands, as the tests run it: in this JVM ({@link #capture})
 * or as a child process ({@link #main}). It adds {@code agent}, {@code status} and {@code task} to the top-level
 * command when they are not registered there yet, so the tests run the same classes either way.
 */
public final class AgentCli {

  /** What a command printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private AgentCli() {}

  public static CommandLine commandLine() {
    CommandLine line = DeskfeedCommand.commandLine();
    if (!line.getSubcommands().containsKey("agent")) {
      line.addSubcommand("agent", new AgentCommand());
    }
    if (!line.getSubcommands().containsKey("status")) {
      line.addSubcommand("status", new StatusCommand());
    }
    if (!line.getSubcommands().containsKey("task")) {
      line.addSubcommand("task", new TaskCommand());
    }
    return line;
  }

  /** Runs a command in this JVM and returns what it printed. Not thread-safe: it swaps System.out and err. */
  public static synchronized Result capture(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      CommandLine line = commandLine();
      line.setOut(new java.io.PrintWriter(System.out, true));
      line.setErr(new java.io.PrintWriter(System.err, true));
      int code = line.execute(args);
      return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** The child-process entry point: {@code deskfeed ARGS}. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
