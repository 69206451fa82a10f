package dev.deskfeed.agent.capture.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The name of a local process from /proc, for the pid a window advertises in _NET_WM_PID. Reading two small
 * /proc entries replaces the {@code ps} child process other watchers start on every poll.
 *
 * <p>{@code comm} is always readable but cut to 15 bytes; the {@code exe} link has the full name but is only
 * readable for our own user's processes. So: comm, unless it looks cut and the exe name extends it.
 */
public final class ProcessNames {

  private static final int COMM_LIMIT = 15;
  private static final String DELETED_SUFFIX = " (deleted)";

  private final Path procRoot;

  public ProcessNames(Path procRoot) {
    this.procRoot = procRoot;
  }

  /** The process name for {@code pid}, or "" if the process is gone or /proc is not there. */
  public String nameOf(int pid) {
    if (pid <= 0) {
      return "";
    }
    Path process = procRoot.resolve(Integer.toString(pid));
    String comm = readComm(process.resolve("comm"));
    String exe = exeName(process.resolve("exe"));
    return choose(comm, exe);
  }

  /** This machine's host name as the kernel has it, to compare with WM_CLIENT_MACHINE; "" if unknown. */
  public String hostName() {
    return readComm(procRoot.resolve("sys/kernel/hostname"));
  }

  static String choose(String comm, String exe) {
    if (comm.isEmpty()) {
      return exe;
    }
    if (comm.length() >= COMM_LIMIT && exe.length() > comm.length() && exe.startsWith(comm)) {
      return exe;
    }
    return comm;
  }

  /** The last path element of an exe link target, without the " (deleted)" the kernel adds after an upgrade. */
  static String exeBaseName(String target) {
    String path = target.endsWith(DELETED_SUFFIX)
        ? target.substring(0, target.length() - DELETED_SUFFIX.length()) : target;
    return ExecutableNames.baseName(path);
  }

  private static String readComm(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | SecurityException e) {
      return "";
    }
  }

  private static String exeName(Path link) {
    try {
      return exeBaseName(Files.readSymbolicLink(link).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return ""; // another user's process, or a kernel thread
    }
  }
}
