package dev.deskfeed.core.privacy;

import static dev.deskfeed.core.privacy.Devices.online;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.presence.UserPresence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public presence dressed as Lanyard's presence object, field by field. */
class LanyardViewTest {

  final PrivacyRules rules = PrivacyRules.PRIVATE.withPublicProfile(true)
      .withDevice(DeviceRule.publicDevice("laptop", PrivacyLevel.FULL).withDisplayName("Laptop"))
      .withDevice(DeviceRule.publicDevice("desktop", PrivacyLevel.CATEGORY_ONLY).withDisplayName("Desktop"))
      .withRename(new RenameRule(AppMatcher.app("code"), "Visual Studio Code"));

  ObjectNode view(UserPresence presence) {
    return LanyardView.of(PublicProjection.apply(rules, presence, Map.of("location", "Berlin")).orElseThrow(),
        "94490510688792576", "ada");
  }

  @Test
  void theShapeIsLanyards() {
    ObjectNode data = view(new UserPresence("ada", List.of(online("laptop", "code", "Editing README.md"))));
    assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("discord_user", "discord_status",
        "active_on_discord_web", "active_on_discord_desktop", "active_on_discord_mobile",
        "active_on_discord_embedded", "active_on_discord_vr", "listening_to_spotify", "spotify", "activities", "kv");
    JsonNode user = data.get("discord_user");
    assertThat(user.get("id").isTextual()).isTrue();
    assertThat(user.get("id").asText()).isEqualTo("94490510688792576");
    assertThat(user.get("username").asText()).isEqualTo("ada");
    assertThat(user.get("avatar").isNull()).isTrue();
    assertThat(data.get("discord_status").asText()).isEqualTo("online");
    assertThat(data.get("active_on_discord_desktop").asBoolean()).isTrue();
    assertThat(data.get("active_on_discord_mobile").isBoolean()).isTrue();
    assertThat(data.get("listening_to_spotify").asBoolean()).isFalse();
    assertThat(data.get("spotify").isNull()).isTrue();
    assertThat(data.get("kv").get("location").asText()).isEqualTo("Berlin");

    JsonNode activity = data.get("activities").get(0);
    assertThat(activity.get("type").asInt()).isZero();
    assertThat(activity.get("name").asText()).isEqualTo("Visual Studio Code");
    assertThat(activity.get("details").asText()).isEqualTo("Editing README.md");
    assertThat(activity.get("state").asText()).isEqualTo("Work · work/laptop");
    assertThat(activity.get("timestamps").get("start").isIntegralNumber()).isTrue();
    assertThat(activity.get("timestamps").get("start").asLong()).isEqualTo(Devices.at(10) / 1000);
    assertThat(activity.get("id").isTextual()).isTrue();
  }

  @Test
  void aCategoryOnlyDeviceIsNamedByItsCategoryAndLeadsWhenMoreRecent() {
    var laptop = Devices.with(online("laptop", "code", "x"), PresenceStatus.IDLE, 50);
    var desktop = online("desktop", "idea", "Secret.java");
    ObjectNode data = view(new UserPresence("ada", List.of(laptop, desktop)));
    assertThat(data.get("discord_status").asText()).isEqualTo("online");
    JsonNode first = data.get("activities").get(0);
    assertThat(first.get("name").asText()).isEqualTo("Work > Programming");
    assertThat(first.has("details")).isFalse();
    assertThat(first.has("state")).isFalse();
    assertThat(data.get("activities")).hasSize(2);
    assertThat(data.toString()).doesNotContain("idea", "Secret.java");
  }

  @Test
  void idleAndOfflineMapToLanyardsStatusesAndOfflineHasNoActivities() {
    var idle = Devices.with(online("laptop", "code", "x"), PresenceStatus.IDLE, 50);
    assertThat(view(new UserPresence("ada", List.of(idle))).get("discord_status").asText()).isEqualTo("idle");
    var offline = Devices.with(online("laptop", "code", "x"), PresenceStatus.OFFLINE, 50);
    ObjectNode data = view(new UserPresence("ada", List.of(offline)));
    assertThat(data.get("discord_status").asText()).isEqualTo("offline");
    assertThat(data.get("active_on_discord_desktop").asBoolean()).isFalse();
    assertThat(data.get("activities")).isEmpty();
    ObjectNode nobody = view(UserPresence.empty("ada"));
    assertThat(nobody.get("discord_status").asText()).isEqualTo("offline");
  }

  @Test
  void theEnvelopesAreLanyards() {
    ObjectNode ok = LanyardView.success(view(UserPresence.empty("ada")));
    assertThat(ok.get("success").asBoolean()).isTrue();
    assertThat(ok.get("data").has("discord_user")).isTrue();
    ObjectNode missing = LanyardView.notMonitored();
    assertThat(missing.get("success").asBoolean()).isFalse();
    assertThat(missing.get("error").get("code").asText()).isEqualTo("user_not_monitored");
    assertThat(missing.get("error").get("message").isTextual()).isTrue();
  }
}
