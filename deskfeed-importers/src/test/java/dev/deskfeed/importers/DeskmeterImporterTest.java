package dev.deskfeed.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deskmeter switch documents exported with mongoexport, relaxed and canonical extended JSON. */
class DeskmeterImporterTest {

  private static final String SWITCHES = """
      [{"_id":{"$oid":"65920a0000000000000000a1"},"workspace":"Work","date":{"$date":"2024-01-01T09:00:00Z"},"delta":3600},
      {"_id":{"$oid":"65920a0000000000000000a2"},"workspace":"Create","date":{"$date":{"$numberLong":"1704103200000"}},"delta":{"$numberInt":"1800"}},
      {"_id":{"$oid":"65920a0000000000000000a3"},"workspace":"Work","date":{"$date":"2024-01-01T10:30:00.000+00:00"},"delta":900,"task":"work/dlt"},
      {"_id":{"$oid":"65920a0000000000000000a4"},"workspace":"Learn","date":{"$date":1704106800000},"delta":1200.5,"task":{"$oid":"65920a00000000000000ffff"}},
      {"_id":{"$oid":"65920a0000000000000000a5"},"workspace":"Work","date":{"$date":"2024-01-01T23:50:00Z"},"delta":1200},
      {"_id":{"$oid":"65920a0000000000000000a6"},"date":{"$date":"2024-01-02T00:10:00Z"},"delta":60},
      {"_id":{"$oid":"65920a0000000000000000a7"},"workspace":"Idle","date":"soon","delta":60},
      "not a document",
      {"workspace":"Other","date":{"$date":"2024-01-02T08:00:00Z"},"delta":600}]
      """;

  @TempDir Path dir;

  @Test
  void importsSwitchesIntoTheWorkspaceBucket() throws Exception {
    Path file = Files.writeString(dir.resolve("switch.json"), SWITCHES);
    MemoryTarget target = new MemoryTarget();

    ImportReport report = DeskmeterImporter.of(file, "desk").run(target);

    String bucket = "deskmeter-workspace_desk";
    assertThat(target.bucket(bucket).type()).isEqualTo("workspace");
    assertThat(target.bucket(bucket).client()).isEqualTo("deskmeter");
    assertThat(report.read()).isEqualTo(9);
    assertThat(report.written().inserted()).isEqualTo(6);
    assertThat(report.problems()).extracting(Object::toString).containsExactly(
        "switch [5] (line 6): no 'workspace' label",
        "switch [6] (line 7): timestamp 'soon' is not RFC 3339 (for example 2026-11-23T10:00:00Z)",
        "switch [7] (line 8): is not a JSON object");
    var events = target.eventsByOrigin(bucket);
    assertThat(events.get("deskmeter:65920a0000000000000000a2").start())
        .isEqualTo(Timestamps.parse("2024-01-01T10:00:00Z"));
    assertThat(events.get("deskmeter:65920a0000000000000000a3").data().toString())
        .isEqualTo("{\"name\":\"Work\",\"task\":\"work/dlt\"}");
    assertThat(events.get("deskmeter:65920a0000000000000000a4").data().toString())
        .isEqualTo("{\"name\":\"Learn\",\"taskId\":\"65920a00000000000000ffff\"}");
    assertThat(events.get("deskmeter:65920a0000000000000000a4").duration()).isEqualTo(1_200_500_000L);
    assertThat(events.keySet()).filteredOn(origin -> origin.startsWith("deskmeter:sha256:")).hasSize(1);

    var expected = Totals.minutes("2024-01-01 Work", 60 + 15 + 10, "2024-01-01 Create", 30,
        "2024-01-01 Learn", 20, "2024-01-02 Work", 10, "2024-01-02 Other", 10);
    expected.merge("2024-01-01 Learn", 500_000L, Long::sum); // its delta is 1200.5 s
    assertThat(Totals.perDay(target.events(bucket), ZoneOffset.UTC, data -> data.get("name").asText()))
        .isEqualTo(expected);

    ImportReport again = DeskmeterImporter.of(file, "desk").run(target);
    assertThat(again.changed()).isZero();
    assertThat(again.written().unchanged()).isEqualTo(6);
  }

  @Test
  void oneDocumentPerLineAsMongoexportWritesByDefault() throws Exception {
    Path file = Files.writeString(dir.resolve("switch.ndjson"), """
        {"_id":{"$oid":"b1"},"workspace":"Work","date":{"$date":"2024-01-01T09:00:00Z"},"delta":60}
        {"_id":{"$oid":"b2"},"workspace":"Idle","date":{"$date":"2024-01-01T09:01:00Z"},"delta":60}
        """);
    ImportReport report = DeskmeterImporter.of(file, "desk").run(new MemoryTarget());
    assertThat(report.written().inserted()).isEqualTo(2);
  }

  @Test
  void brokenJsonKeepsTheSwitchesBeforeIt() throws Exception {
    Path file = Files.writeString(dir.resolve("switch.json"), SWITCHES.substring(0, SWITCHES.indexOf("a3") + 40));
    MemoryTarget target = new MemoryTarget();
    assertThatThrownBy(() -> DeskmeterImporter.of(file, "desk").run(target))
        .isInstanceOf(ImportException.class).hasMessageContaining("line 3");
    assertThat(target.events("deskmeter-workspace_desk")).hasSize(2);
  }
}
