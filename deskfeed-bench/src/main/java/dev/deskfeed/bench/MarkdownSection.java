package dev.deskfeed.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes one benchmark's section of docs/benchmarks.md between {@code <!-- NAME:start -->} and
 * {@code <!-- NAME:end -->}, leaving every other section alone, so each benchmark refreshes only its own figures.
 */
final class MarkdownSection {

  static final String HEADER = """
      # Benchmarks

      Each section below is written by its benchmark between its `<!-- name:start -->` and `<!-- name:end -->`
      markers; run the command shown in a section to refresh it. Figures depend on the machine, which each section
      names.

      """;

  private MarkdownSection() {}

  static void write(Path file, String name, String body) throws IOException {
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    String section = start + "\n" + body.strip() + "\n" + end;
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : HEADER;
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from >= 0 && to > from) {
      text = text.substring(0, from) + section + text.substring(to + end.length());
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The machine in one line: cores, CPU model, memory, OS and Java. */
  static String machine() {
    String model = "unknown CPU";
    long memKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: say less
    }
    return String.format(Locale.ROOT, "%d cores (`nproc`), %s, %.0f GiB RAM, %s %s, Java %s (%s)",
        Runtime.getRuntime().availableProcessors(), model, memKb / 1024.0 / 1024.0, System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
  }

  /** A markdown table row. */
  static String row(String... cells) {
    return "| " + String.join(" | ", List.of(cells)) + " |\n";
  }
}
