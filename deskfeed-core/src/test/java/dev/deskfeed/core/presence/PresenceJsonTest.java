package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.at;
import static dev.deskfeed.core.presence.Beats.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The owner's unfiltered view as JSON. */
class PresenceJsonTest {

  @Test
  void theOwnerSeesEverythingWithRfc3339Times() {
    PresenceTracker tracker = new PresenceTracker(PresenceListener.NONE);
    tracker.onHeartbeat("ada", "laptop", "Laptop", BucketTypes.CURRENT_WINDOW,
        window(0, "code", "Main.java", "file:///Main.java"), at(1));
    JsonNode json = PresenceJson.write(tracker.snapshot("ada"));
    assertThat(json.get("user").asText()).isEqualTo("ada");
    assertThat(json.get("status").asText()).isEqualTo("online");
    assertThat(json.get("leading").asText()).isEqualTo("laptop");
    JsonNode laptop = json.get("devices").get(0);
    assertThat(laptop.get("name").asText()).isEqualTo("Laptop");
    assertThat(laptop.get("title").asText()).isEqualTo("Main.java");
    assertThat(laptop.get("url").asText()).isEqualTo("file:///Main.java");
    assertThat(laptop.get("since").asText()).isEqualTo("2026-11-23T10:00:01.000000+00:00");
    assertThat(laptop.get("activity_start").asText()).isEqualTo("2026-11-23T10:00:00.000000+00:00");
    assertThat(laptop.get("workspace").isNull()).isTrue();
    assertThat(laptop.get("category").isArray()).isTrue();
    assertThat(PresenceJson.write(tracker.snapshot("nobody")).get("leading").isNull()).isTrue();
  }
}
