package dev.deskfeed.importers;

import static dev.deskfeed.importers.AwFixture.AFK;
import static dev.deskfeed.importers.AwFixture.WINDOW;
import static dev.deskfeed.importers.AwFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deskfeed.core.Json;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ActivityWatch export JSON, streamed into the in-memory target. */
class ActivityWatchExportImporterTest {

  @TempDir Path dir;

  @Test
  void importsBucketsAndEventsSkipsMalformedOnesWithTheirPosition() throws Exception {
    String json = AwFixture.export();
    Path file = Files.writeString(dir.resolve("aw-buckets-export.json"), json);
    MemoryTarget target = new MemoryTarget();

    ImportReport report = ActivityWatchExportImporter.of(file).run(target);

    assertThat(target.bucketIds()).containsExactly(WINDOW, AFK, "aw-watcher-vim_laptop");
    assertThat(target.bucket(WINDOW).type()).isEqualTo("currentwindow");
    assertThat(target.bucket(WINDOW).client()).isEqualTo("aw-watcher-window");
    assertThat(report.read()).isEqualTo(9 + 2 + 1 + 2);
    assertThat(report.written()).isEqualTo(new UpsertCounts(5 + 2 + 1, 0, 0));
    assertThat(report.skipped()).isEqualTo(4 + 2);
    assertThat(report.problems()).extracting(ImportProblem::position).containsExactly(
        position(json, WINDOW, 5, "\"not a time\""), position(json, WINDOW, 6, "42"),
        position(json, WINDOW, 7, "\"id\" : 8"), position(json, WINDOW, 8, "\"id\" : 9"),
        position(json, "broken", 0, "\"id\" : 30"), position(json, "broken", 1, "\"id\" : 31"));
    assertThat(report.problems().get(2).message()).contains("negative");
    assertThat(report.problems().get(3).message()).contains("'data' must be a JSON object");

    assertThat(target.eventsByOrigin(WINDOW).keySet()).contains("aw:1", "aw:2", "aw:3")
        .filteredOn(origin -> origin.startsWith("aw:sha256:")).hasSize(2);
    assertThat(Totals.perDay(target.events(WINDOW), ZONE, data -> data.get("app").asText()))
        .isEqualTo(Totals.minutes("2024-03-04 Firefox", 30, "2024-03-04 Code", 45 + 20,
            "2024-03-05 Code", 10, "2024-03-05 Firefox", 10, "2024-03-05 Terminal", 5));
    assertThat(Totals.perDay(target.events(AFK), ZONE, data -> data.get("status").asText()))
        .isEqualTo(Totals.minutes("2024-03-04 not-afk", 75, "2024-03-04 afk", 45));
  }

  @Test
  void secondImportAddsNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("export.json"), AwFixture.export());
    MemoryTarget target = new MemoryTarget();
    ActivityWatchExportImporter.of(file).run(target);
    ImportReport again = ActivityWatchExportImporter.of(file).run(target);
    assertThat(again.changed()).isZero();
    assertThat(again.written().unchanged()).isEqualTo(8);
    assertThat(again.createdBuckets()).isEmpty();
  }

  @Test
  void anUploadStreamWorksLikeAFile() {
    MemoryTarget target = new MemoryTarget();
    var upload = new ByteArrayInputStream(AwFixture.export().getBytes(StandardCharsets.UTF_8));
    ImportReport report = ActivityWatchExportImporter.of(upload, "upload.json").run(target);
    assertThat(report.written().inserted()).isEqualTo(8);
    assertThat(report.source()).contains("upload.json");
  }

  @Test
  void jsonThatBreaksOffKeepsWhatCameBeforeAndNamesTheLine() throws Exception {
    String json = AwFixture.export();
    int cut = json.indexOf(AFK + "\" : {") + 200;
    Path file = Files.writeString(dir.resolve("truncated.json"), json.substring(0, cut));
    MemoryTarget target = new MemoryTarget();

    assertThatThrownBy(() -> ActivityWatchExportImporter.of(file).run(target))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("cannot be read past line")
        .hasMessageContaining("events before it were imported");
    assertThat(target.events(WINDOW)).hasSize(5);

    Path whole = Files.writeString(dir.resolve("whole.json"), json);
    ImportReport report = ActivityWatchExportImporter.of(whole).run(target);
    assertThat(report.written()).isEqualTo(new UpsertCounts(3, 0, 5));
  }

  @Test
  void somethingElseIsRefused() throws Exception {
    Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
    assertThatThrownBy(() -> ActivityWatchExportImporter.of(array).run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("not an ActivityWatch export");
    Path other = Files.writeString(dir.resolve("other.json"), "{\"hello\": {\"a\": [1]}}");
    assertThatThrownBy(() -> ActivityWatchExportImporter.of(other).run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("no \"buckets\"");
    assertThatThrownBy(() -> ActivityWatchExportImporter.of(dir.resolve("nope.json")).run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("does not exist");
  }

  @Test
  void largeExportsGoInBatchesAndReportProgress() throws Exception {
    Path file = dir.resolve("large.json");
    int count = 12_345;
    writeLargeExport(file, count);
    MemoryTarget target = new MemoryTarget();
    long[] last = new long[2];
    int[] calls = new int[1];

    ImportReport report = ActivityWatchExportImporter.of(file).run(target, (done, total) -> {
      last[0] = done;
      last[1] = total;
      calls[0]++;
    });

    assertThat(report.written().inserted()).isEqualTo(count);
    assertThat(target.largestBatch()).isEqualTo(5000);
    assertThat(target.upsertCalls()).isEqualTo(3);
    assertThat(last).containsExactly(count, -1);
    assertThat(calls[0]).isEqualTo(3);
  }

  /** Writes an export with a generator, the way the benchmark's million-event file is made. */
  static void writeLargeExport(Path file, int count) throws Exception {
    try (Writer writer = Files.newBufferedWriter(file);
        JsonGenerator json = Json.MAPPER.createGenerator(writer)) {
      json.writeStartObject();
      json.writeObjectFieldStart("buckets");
      json.writeObjectFieldStart(WINDOW);
      json.writeStringField("id", WINDOW);
      json.writeStringField("type", "currentwindow");
      json.writeStringField("client", "aw-watcher-window");
      json.writeStringField("hostname", "laptop");
      json.writeStringField("created", "2024-01-01T00:00:00Z");
      json.writeArrayFieldStart("events");
      long start = 1_704_067_200L; // 2024-01-01T00:00:00Z
      for (int i = 0; i < count; i++) {
        json.writeStartObject();
        json.writeNumberField("id", i + 1);
        json.writeStringField("timestamp", java.time.Instant.ofEpochSecond(start + i * 5L).toString());
        json.writeNumberField("duration", 4.5);
        json.writeObjectFieldStart("data");
        json.writeStringField("app", "App" + (i % 17));
        json.writeStringField("title", "Window title number " + (i % 1000));
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  /** "bucket 'B' event [i] (line L)" where L is the line of the event's '{' found by a marker inside it. */
  private static String position(String json, String bucket, int index, String marker) {
    int bucketAt = json.indexOf("\"" + bucket + "\" : {");
    int markerAt = json.indexOf(marker, bucketAt);
    int line;
    if (marker.equals("42")) {
      line = lineOf(json, markerAt);
    } else {
      int brace = json.lastIndexOf('{', markerAt);
      line = lineOf(json, brace);
    }
    return "bucket '" + bucket + "' event [" + index + "] (line " + line + ")";
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
