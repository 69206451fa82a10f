package dev.deskfeed.api.activitywatch;

import static dev.deskfeed.api.activitywatch.AwFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {

  @TempDir
  Path directory;
  @TempDir
  Path otherDirectory;
  AwFixture aw;

  @BeforeEach
  void open() {
    aw = new AwFixture(directory, false);
    aw.bucket("win");
    aw.bucket("afk");
    aw.post("/api/0/buckets/win/events", "[" + event("2026-01-01T09:00:00Z", 60, "{\"app\":\"a\"}") + ","
        + event("2026-01-01T10:00:00Z", 30, "{\"app\":\"b\"}") + "]");
  }

  @AfterEach
  void close() {
    aw.close();
  }

  @Test
  void bucketExportIsAnAttachmentWithItsEvents() {
    AwFixture.Answer answer = aw.get("/api/0/buckets/win/export");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=aw-bucket-export_win.json");
    JsonNode buckets = answer.json().get("buckets");
    assertThat(buckets.fieldNames()).toIterable().containsExactly("win");
    JsonNode events = buckets.get("win").get("events");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("data").get("app").asText()).isEqualTo("b"); // newest first
    assertThat(buckets.get("win").get("type").asText()).isEqualTo("currentwindow");
  }

  @Test
  void fullExportHoldsEveryBucket() {
    AwFixture.Answer answer = aw.get("/api/0/export");

    assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=aw-buckets-export.json");
    assertThat(answer.json().get("buckets").fieldNames()).toIterable().containsExactlyInAnyOrder("win", "afk");
    assertThat(answer.json().get("buckets").get("afk").get("events")).isEmpty();
  }

  @Test
  void exportImportsIntoAnotherStoreWithFreshIds() {
    String export = aw.get("/api/0/export").text();

    try (AwFixture target = new AwFixture(otherDirectory, false)) {
      // The target's first event gets the same id as the source's first event: a kept id would overwrite it.
      target.bucket("win");
      target.post("/api/0/buckets/win/events", "[" + event("2025-01-01T00:00:00Z", 1, "{\"app\":\"mine\"}") + "]");
      AwFixture.Answer imported = target.post("/api/0/import", export);

      assertThat(imported.status()).isEqualTo(200);
      assertThat(imported.json().get("buckets").get("win").get("imported").asInt()).isEqualTo(2);
      JsonNode events = target.get("/api/0/buckets/win/events").json();
      assertThat(events).hasSize(3);
      assertThat(events.get(0).get("data").get("app").asText()).isEqualTo("b");
      assertThat(events.get(2).get("data").get("app").asText()).isEqualTo("mine");
      assertThat(target.get("/api/0/buckets/afk").status()).isEqualTo(200);
    }
  }

  @Test
  void malformedEventsAreSkippedOneByOneAndReported() {
    String document = "{\"buckets\":{\"new\":{\"id\":\"new\",\"type\":\"t\",\"client\":\"c\",\"hostname\":\"h\","
        + "\"events\":[" + event("2026-01-01T00:00:00Z", 1, "{}") + ",{\"timestamp\":\"never\",\"data\":{}},"
        + "{\"timestamp\":\"2026-01-01T00:00:05Z\",\"duration\":\"long\",\"data\":{}},"
        + event("2026-01-01T00:00:10Z", 1, "{}") + "]}}}";

    AwFixture.Answer answer = aw.post("/api/0/import", document);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("buckets").get("new").get("imported").asInt()).isEqualTo(2);
    assertThat(answer.json().get("buckets").get("new").get("skipped").asInt()).isEqualTo(2);
    JsonNode skipped = answer.json().get("skipped_events");
    assertThat(skipped.get(0).get("index").asInt()).isEqualTo(1);
    assertThat(skipped.get(1).get("index").asInt()).isEqualTo(2);
    assertThat(skipped.get(1).get("message").asText()).contains("duration");
    assertThat(aw.get("/api/0/buckets/new/events/count").text()).isEqualTo("2");
  }

  @Test
  void importIntoExistingBucketMergesWithoutDuplicates() {
    String export = aw.get("/api/0/buckets/win/export").text();
    String extra = export.replace("\"events\":[", "\"events\":["
        + event("2026-01-01T11:00:00Z", 5, "{\"app\":\"c\"}") + ",");

    AwFixture.Answer answer = aw.post("/api/0/import", extra);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode report = answer.json().get("buckets").get("win");
    assertThat(report.get("created").asBoolean()).isFalse();
    assertThat(report.get("imported").asInt()).isEqualTo(1);
    assertThat(report.get("duplicates").asInt()).isEqualTo(2);
    assertThat(aw.get("/api/0/buckets/win/events/count").text()).isEqualTo("3");
  }

  @Test
  void malformedBucketRejectsTheWholeImport() {
    String document = "{\"buckets\":{\"ok\":{\"type\":\"t\",\"client\":\"c\",\"hostname\":\"h\",\"events\":[]},"
        + "\"bad\":{\"client\":\"c\",\"hostname\":\"h\"}}}";

    AwFixture.Answer answer = aw.post("/api/0/import", document);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("'bad'").contains("'type'");
    assertThat(aw.get("/api/0/buckets/ok").status()).isEqualTo(404);
  }

  @Test
  void multipartUploadWithFieldBucketsJson() {
    String export = aw.get("/api/0/buckets/win/export").text().replace("\"win\"", "\"copy\"");
    String boundary = "----deskfeedBoundary7MA4YWxk";
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"buckets.json\"; filename=\"aw-export.json\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + export + "\r\n"
        + "--" + boundary + "--\r\n";

    AwFixture.Answer answer = aw.call("POST", "/api/0/import", body.getBytes(StandardCharsets.UTF_8),
        Map.of("content-type", "multipart/form-data; boundary=" + boundary));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(aw.get("/api/0/buckets/copy/events/count").text()).isEqualTo("2");
  }

  @Test
  void multipartWithoutTheFieldIs400NamingTheFields() {
    String body = "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{}\r\n--x--\r\n";

    AwFixture.Answer answer = aw.call("POST", "/api/0/import", body.getBytes(StandardCharsets.UTF_8),
        Map.of("content-type", "multipart/form-data; boundary=x"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("buckets.json").contains("'file'");
  }
}
