package dev.deskfeed.store.internal;

/** Run by {@link ThreadNiceTest} in a child process without CAP_SYS_NICE: asks for a nice value and reports. */
public final class ThreadNiceProbe {

  private ThreadNiceProbe() {}

  public static void main(String[] args) {
    ThreadNice.Outcome outcome = ThreadNice.setForCurrentThread(Integer.parseInt(args[0]));
    System.out.println("applied=" + outcome.applied() + " nice=" + ThreadNiceTest.niceOfThisThread() + " "
        + outcome.reason());
  }
}
