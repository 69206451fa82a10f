package dev.deskfeed.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer thread's priority: read back from the kernel ({@code /proc}), with and without the privilege to raise
 * it. Without it, nothing fails: the thread keeps its priority and the outcome says why.
 */
@EnabledOnOs(OS.LINUX)
class ThreadNiceTest {

  @TempDir
  Path directory;

  @Test
  void aThreadGetsTheNiceValueItAsksForOrKeepsItsOwnAndSaysWhy() throws Exception {
    CompletableFuture<String> report = CompletableFuture.supplyAsync(() -> {
      int before = niceOfThisThread();
      ThreadNice.Outcome outcome = ThreadNice.setForCurrentThread(-3);
      int after = niceOfThisThread();
      return outcome.applied() + " " + before + " " + after + " " + outcome.reason();
    }, runnable -> new Thread(runnable, "nice-probe").start());
    String[] fields = report.get(30, TimeUnit.SECONDS).split(" ", 4);
    if (Boolean.parseBoolean(fields[0])) {
      assertThat(Integer.parseInt(fields[2])).as("the kernel's view of the thread").isEqualTo(-3);
    } else {
      assertThat(fields[2]).as("a refused request changes nothing").isEqualTo(fields[1]);
      assertThat(fields[3]).contains("not permitted");
    }
  }

  @Test
  void withoutThePrivilegeTheThreadKeepsItsPriorityAndTheReasonNamesWhatWouldAllowIt() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to drop CAP_SYS_NICE");
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can drop a capability for a child");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder("/usr/bin/setpriv", "--bounding-set=-sys_nice", "--inh-caps=-sys_nice", "--",
        java.toString(), "-cp", System.getProperty("java.class.path"), ThreadNiceProbe.class.getName(), "-5")
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).startsWith("applied=false nice=0 ")
        .contains("nice -5 is not permitted").contains("CAP_SYS_NICE").contains("LimitNICE=-5");
  }

  @Test
  void theStoresWriterThreadRunsAtTheConfiguredNiceWhenAllowed() throws Exception {
    Map<Long, Integer> before = writerThreads();
    try (Store store = Store.open(StoreConfig.sqlite(directory).withWriterNice(-4))) {
      long user = store.users().create("ada", null).id();
      long token = store.tokens().create(user, null, "t", dev.deskfeed.store.Scope.READ, "hash").id();
      // answered by the writer thread, which asks for its priority before it takes its first write
      store.tokens().touch(token, 1_790_000_000_000_000L).get(30, TimeUnit.SECONDS);
      Map<Long, Integer> started = writerThreads();
      started.keySet().removeAll(before.keySet());
      assertThat(started).as("this store's writer thread").hasSize(1);
      int nice = started.values().iterator().next();
      if (mayRaisePriority()) {
        assertThat(nice).isEqualTo(-4);
      } else {
        assertThat(nice).as("refused: the process's").isEqualTo(niceOfThisThread());
      }
    }
  }

  @Test
  void outOfRangeNiceValuesAreRejected() {
    assertThatThrownBy(() -> ThreadNice.setForCurrentThread(-21)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between -20 and 19");
    assertThatThrownBy(() -> StoreConfig.sqlite(directory).withWriterNice(20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 20");
  }

  private static boolean mayRaisePriority() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("CapEff:")) {
        long effective = Long.parseUnsignedLong(line.substring(7).trim(), 16);
        return (effective & (1L << 23)) != 0; // CAP_SYS_NICE
      }
    }
    return false;
  }

  /** Threads of this process named deskfeed-writer, by thread id, with their nice values. */
  private static Map<Long, Integer> writerThreads() throws IOException {
    Map<Long, Integer> writers = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (Files.readString(task.resolve("comm")).trim().equals("deskfeed-writer")) {
            writers.put(Long.parseLong(task.getFileName().toString()), niceOf(task.resolve("stat")));
          }
        } catch (IOException ended) {
          // the thread ended while we looked
        }
      }
    }
    return writers;
  }

  static int niceOfThisThread() {
    try {
      return niceOf(Path.of("/proc/thread-self/stat"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Field 19 of a task's stat line; the fields after the command name, which may hold spaces, start at 3. */
  private static int niceOf(Path stat) throws IOException {
    String line = Files.readString(stat);
    String[] afterName = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(afterName[19 - 3]);
  }
}
