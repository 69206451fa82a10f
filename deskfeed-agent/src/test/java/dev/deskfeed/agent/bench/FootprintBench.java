package dev.deskfeed.agent.bench;

import dev.deskfeed.agent.AgentConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Resident memory and CPU of the agent at default settings on an X desktop (Xvfb and openbox) with two xterms,
 * the focus moving between them every 10 s, as over a quiet working stretch. RSS is sampled every second after a
 * warm-up; CPU is the process's user + system time over the measured period, as a share of one core.
 */
final class FootprintBench {

  private static final double TICKS_PER_SECOND = 100.0;

  private final Path work;
  private final String command;

  FootprintBench(Path work, String command) {
    this.work = work;
    this.command = command;
  }

  String run(int seconds, int warmup) throws Exception {
    Path data = work.resolve("agent");
    AgentConfigFile.update(data, Map.of("relay-port", Integer.toString(AgentBenchmark.freePort())));
    try (BenchDesktop desktop = BenchDesktop.start(work.resolve("x.log"))) {
      String[] windows = {desktop.xterm(work.resolve("x.log"), "footprint one"),
          desktop.xterm(work.resolve("x.log"), "footprint two")};
      try (AgentProcess agent = new AgentProcess(command, data, desktop.display(), work.resolve("agent.log"))) {
        Thread.sleep(warmup * 1_000L);
        long startTicks = agent.cpuTicks();
        List<Long> rss = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
          if (second % 10 == 0) {
            desktop.activate(windows[(second / 10) % 2]);
          }
          Thread.sleep(1_000);
          if (!agent.alive()) {
            throw new IllegalStateException("the agent exited; see " + work.resolve("agent.log"));
          }
          rss.add(agent.rssKib());
        }
        double cpu = (agent.cpuTicks() - startTicks) / TICKS_PER_SECOND / seconds * 100;
        List<Long> sorted = new ArrayList<>(rss);
        Collections.sort(sorted);
        return String.format("footprint over %d s after %d s warm-up: RSS max %.1f MB, median %.1f MB, last %.1f MB;"
                + " CPU %.2f%% of one core (target: RSS <= 64 MB, CPU <= 0.5%%)", seconds, warmup,
            sorted.get(sorted.size() - 1) / 1024.0, sorted.get(sorted.size() / 2) / 1024.0,
            rss.get(rss.size() - 1) / 1024.0, cpu);
      }
    }
  }
}
