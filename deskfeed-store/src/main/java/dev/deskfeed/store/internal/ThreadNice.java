package dev.deskfeed.store.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Sets the nice value of the calling thread, on Linux, where each thread is scheduled on its own.
 *
 * <p>Lowering a nice value below the process's needs privilege: root, {@code CAP_SYS_NICE}, or an
 * {@code RLIMIT_NICE} that allows it (systemd's {@code LimitNICE=}). Without it the thread keeps its priority and
 * the caller is told why, never an exception: a priority is a preference, not a condition for working.
 */
final class ThreadNice {

  private static final int PRIO_PROCESS = 0;

  /** How a request ended: {@code applied} is false when the thread kept its priority, and {@code reason} says why. */
  record Outcome(boolean applied, String reason) {}

  private interface LibC extends Library {
    int gettid();

    int setpriority(int which, int who, int prio) throws LastErrorException;
  }

  private ThreadNice() {}

  static Outcome setForCurrentThread(int nice) {
    if (nice < -20 || nice > 19) {
      throw new IllegalArgumentException("a nice value is between -20 and 19, got " + nice);
    }
    if (!Platform.isLinux()) {
      return new Outcome(false, "thread priorities are only set on Linux");
    }
    LibC libc;
    int tid;
    try {
      libc = Native.load("c", LibC.class);
      tid = libc.gettid(); // glibc 2.30 and later
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return new Outcome(false, "cannot call the C library: " + e.getMessage());
    }
    try {
      libc.setpriority(PRIO_PROCESS, tid, nice);
      return new Outcome(true, "nice " + nice);
    } catch (LastErrorException e) {
      // EPERM or EACCES: not allowed to raise the priority
      return new Outcome(false, "nice " + nice + " is not permitted (errno " + e.getErrorCode() + "); it needs "
          + "CAP_SYS_NICE or an RLIMIT_NICE that allows it (systemd: LimitNICE=" + nice + ")");
    }
  }
}
