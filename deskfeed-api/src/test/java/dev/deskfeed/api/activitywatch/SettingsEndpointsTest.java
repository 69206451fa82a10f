package dev.deskfeed.api.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsEndpointsTest {

  @TempDir
  Path directory;
  AwFixture aw;

  @BeforeEach
  void open() {
    aw = new AwFixture(directory, false);
  }

  @AfterEach
  void close() {
    aw.close();
  }

  @Test
  void missingKeyIsJsonNullWith200() {
    AwFixture.Answer answer = aw.get("/api/0/settings/never-set");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("null");
  }

  @Test
  void postAnswers201AndStoresAnyJsonValue() {
    AwFixture.Answer set = aw.post("/api/0/settings/classes", "[{\"name\":[\"Work\"],\"rule\":{\"type\":\"none\"}}]");
    aw.post("/api/0/settings/startOfDay", "\"04:00\"");
    aw.post("/api/0/settings/durationDefault", "14400");
    aw.post("/api/0/settings/useColorFallback", "true");

    assertThat(set.status()).isEqualTo(201);
    assertThat(set.response().body()).isEmpty();
    assertThat(aw.get("/api/0/settings/classes").json().get(0).get("name").get(0).asText()).isEqualTo("Work");
    assertThat(aw.get("/api/0/settings/startOfDay").text()).isEqualTo("\"04:00\"");
    assertThat(aw.get("/api/0/settings/durationDefault").json().asInt()).isEqualTo(14400);
    JsonNode all = aw.get("/api/0/settings").json();
    assertThat(all.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("classes", "startOfDay", "durationDefault", "useColorFallback");
    assertThat(all.get("useColorFallback").asBoolean()).isTrue();
  }

  @Test
  void postOverwritesAndDeleteRemoves() {
    aw.post("/api/0/settings/theme", "\"light\"");
    aw.post("/api/0/settings/theme", "\"dark\"");
    assertThat(aw.get("/api/0/settings/theme").text()).isEqualTo("\"dark\"");

    AwFixture.Answer deleted = aw.delete("/api/0/settings/theme");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(aw.get("/api/0/settings/theme").text()).isEqualTo("null");
    assertThat(aw.delete("/api/0/settings/theme").status()).isEqualTo(200);
  }

  @Test
  void tooLongKeyIs400() {
    AwFixture.Answer answer = aw.post("/api/0/settings/" + "k".repeat(128), "1");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(aw.get("/api/0/settings").json().size()).isZero();
  }

  @Test
  void malformedValueIs400() {
    assertThat(aw.post("/api/0/settings/x", "{oops").status()).isEqualTo(400);
  }

  @Test
  void onlyAdminsChangeSettings() {
    aw.as(aw.ingest(aw.laptop));
    assertThat(aw.post("/api/0/settings/x", "1").status()).isEqualTo(403);
    assertThat(aw.get("/api/0/settings").status()).isEqualTo(403);

    aw.as(aw.reader());
    assertThat(aw.post("/api/0/settings/x", "1").status()).isEqualTo(403);
    assertThat(aw.get("/api/0/settings/x").status()).isEqualTo(200);
  }
}
