package dev.deskfeed.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark rewrites only its own section of docs/benchmarks.md; whatever else people wrote there stays. */
class MarkdownSectionTest {

  @TempDir
  Path dir;

  @Test
  void createsTheFileWithAHeaderThenReplacesOnlyItsSection() throws Exception {
    Path file = dir.resolve("docs/benchmarks.md");
    MarkdownSection.write(file, "ingest", "## Ingest\n\nfirst run\n");
    Files.writeString(file, Files.readString(file) + "\n### Notes kept by hand\n\n<!-- other:start -->\nother\n"
        + "<!-- other:end -->\n");

    MarkdownSection.write(file, "ingest", "## Ingest\n\nsecond run\n");

    String text = Files.readString(file);
    assertThat(text).startsWith("# Benchmarks").contains("second run").doesNotContain("first run")
        .contains("### Notes kept by hand").contains("<!-- other:start -->\nother\n<!-- other:end -->");
    assertThat(text.indexOf("<!-- ingest:start -->")).isEqualTo(text.lastIndexOf("<!-- ingest:start -->"));
  }

  @Test
  void appendsANewSectionAfterTheExistingOnes() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    MarkdownSection.write(file, "ingest", "ingest figures");
    MarkdownSection.write(file, "query", "query figures");
    String text = Files.readString(file);
    assertThat(text.indexOf("ingest figures")).isLessThan(text.indexOf("query figures"));
  }
}
