package dev.deskfeed.server.presence;

import static dev.deskfeed.server.presence.PresenceFixture.DESKTOP;
import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.server.presence.format.TodayView;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /public/{user}/today} over rollups: active hours per public device per day, private devices left out. */
class TodayTest {

  static final long MINUTE = 60 * Timestamps.MICROS_PER_SECOND;

  @TempDir
  Path data;
  PresenceFixture fixture;

  @BeforeEach
  void start() {
    fixture = new PresenceFixture(data, true);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** One window event and a not-AFK event over it: that much active time. */
  void worked(String device, long start, long minutes) {
    String batch = "[{\"bucket\": \"window-" + device + "\", \"origin\": \"w" + start + "\", \"timestamp\": \""
        + Timestamps.format(start) + "\", \"duration\": " + minutes * 60 + ", \"data\": {\"app\": \"code\", \"title\":"
        + " \"x\"}}, {\"bucket\": \"afk-" + device + "\", \"origin\": \"a" + start + "\", \"timestamp\": \""
        + Timestamps.format(start) + "\", \"duration\": " + minutes * 60 + ", \"data\": {\"status\": \"not-afk\"}}]";
    var answer = fixture.send("POST", "/api/v1/events", fixture.tokenOf(device), batch);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void hoursPerPublicDevicePerDay() {
    fixture.privacy("{\"public_profile\": true, \"devices\": [{\"device\": \"laptop\", \"public\": true, "
        + "\"name\": \"Laptop\"}]}");
    long start = Timestamps.nowMicros() - 100 * MINUTE;
    worked(LAPTOP, start, 30);
    worked(DESKTOP, start, 45);

    var answer = fixture.get("/public/ada/today?tz=UTC&days=3");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    JsonNode today = Json.parse(answer.body());
    assertThat(today.get("devices").toString()).isEqualTo("[\"Laptop\"]");
    assertThat(today.toString()).doesNotContain("desktop").doesNotContain("laptop").doesNotContain("code");
    assertThat(today.get("days")).hasSize(3);
    String day = TodayView.dayOf(start, ZoneId.of("UTC"), LocalTime.of(4, 0)).toString();
    double hours = 0;
    for (JsonNode item : today.get("days")) {
      if (item.get("date").asText().equals(day)) {
        hours = item.at("/hours/Laptop").asDouble();
      }
    }
    assertThat(hours).isEqualTo(0.5);
  }

  @Test
  void badParametersAre400() {
    fixture.publicProfile("full");
    assertThat(fixture.get("/public/ada/today?tz=Mars/Olympus").statusCode()).isEqualTo(400);
    assertThat(fixture.get("/public/ada/today?days=0").statusCode()).isEqualTo(400);
    assertThat(fixture.get("/public/ada/today?days=99").statusCode()).isEqualTo(400);
    assertThat(fixture.get("/public/ada/today?tz=Europe/Berlin&days=31").statusCode()).isEqualTo(200);
  }
}
