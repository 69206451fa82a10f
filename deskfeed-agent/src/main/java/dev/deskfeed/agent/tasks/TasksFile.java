package dev.deskfeed.agent.tasks;

import dev.deskfeed.agent.internal.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Deskmeter-style tasks file: one task path per line ({@code work/default}, {@code work/dlt}), the current one
 * marked with a leading {@code *}, {@code #} comments and blank lines ignored. People edit it by hand or with
 * {@code deskfeed task set PATH}; the agent notices the change. Rewriting keeps every other line as it was.
 */
public final class TasksFile {

  /** The tasks listed, in file order without repeats, and the marked one (null when none is marked). */
  public record Contents(List<String> paths, String current) {

    public static final Contents EMPTY = new Contents(List.of(), null);

    public Contents {
      paths = List.copyOf(paths);
    }
  }

  private TasksFile() {}

  /** Reads the file; a missing file has no tasks. */
  public static Contents read(Path file) throws IOException {
    try {
      return parse(Files.readString(file));
    } catch (NoSuchFileException e) {
      return Contents.EMPTY;
    }
  }

  public static Contents parse(String text) {
    Set<String> paths = new LinkedHashSet<>();
    String current = null;
    for (String line : text.split("\\R")) {
      Entry entry = entry(line);
      if (entry != null) {
        paths.add(entry.path);
        if (entry.marked && current == null) {
          current = entry.path;
        }
      }
    }
    return new Contents(new ArrayList<>(paths), current);
  }

  /** Marks {@code path} as current (adding it at the end when new) and unmarks every other line. */
  public static void setCurrent(Path file, String path) throws IOException {
    String normalized = normalize(path);
    String text = Files.exists(file) ? Files.readString(file)
        : "# Tasks, one path per line; the current one is marked with '*'. See 'deskfeed task --help'.\n";
    List<String> out = new ArrayList<>();
    boolean found = false;
    for (String line : text.split("\\R")) {
      Entry entry = entry(line);
      if (entry == null) {
        out.add(line);
      } else if (entry.path.equals(normalized) && !found) {
        out.add("* " + entry.path);
        found = true;
      } else {
        out.add(entry.path);
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    if (!found) {
      out.add("* " + normalized);
    }
    PrivateFiles.writeAtomically(file, String.join("\n", out) + "\n");
  }

  /**
   * A task path in its one spelling: trimmed, no empty segments, no leading or trailing slash. {@link
   * IllegalArgumentException} for text that cannot be a path (empty, a line break, a leading {@code *} or {@code #}).
   */
  public static String normalize(String path) {
    if (path == null) {
      throw new IllegalArgumentException("a task path is needed, like work/default");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.strip().split("/")) {
      if (!segment.isBlank()) {
        segments.add(segment.strip());
      }
    }
    String normalized = String.join("/", segments);
    if (normalized.isEmpty() || normalized.contains("\n") || normalized.contains("\r")
        || normalized.startsWith("*") || normalized.startsWith("#")) {
      throw new IllegalArgumentException("'" + path + "' is not a task path; use one like work/default");
    }
    return normalized;
  }

  private record Entry(String path, boolean marked) {}

  private static Entry entry(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    boolean marked = trimmed.startsWith("*");
    String rest = marked ? trimmed.substring(1).strip() : trimmed;
    try {
      return new Entry(normalize(rest), marked);
    } catch (IllegalArgumentException e) {
      return null; // a lone '*' or similar: not a task
    }
  }
}
