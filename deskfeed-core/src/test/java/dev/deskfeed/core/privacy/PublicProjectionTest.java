package dev.deskfeed.core.privacy;

import static dev.deskfeed.core.privacy.Devices.at;
import static dev.deskfeed.core.privacy.Devices.online;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.presence.UserPresence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each level shows, and which devices appear and lead. */
class PublicProjectionTest {

  static PrivacyRules publicLaptop(PrivacyLevel level) {
    return PrivacyRules.PRIVATE.withPublicProfile(true).withDevice(DeviceRule.publicDevice("laptop", level));
  }

  static PublicDevice project(PrivacyRules rules, DevicePresence device) {
    PublicPresence presence = PublicProjection.apply(rules, new UserPresence("ada", List.of(device)), Map.of())
        .orElseThrow();
    assertThat(presence.devices()).hasSize(1);
    return presence.devices().get(0);
  }

  @Test
  void fullShowsEverythingRenamedAndRedacted() {
    PrivacyRules rules = publicLaptop(PrivacyLevel.FULL)
        .withRename(new RenameRule(AppMatcher.app("code"), "Coding"))
        .withRedaction(RedactRule.of("secret\\w*"));
    PublicDevice laptop = project(rules, online("laptop", "code", "secret_plan.md - code"));
    assertThat(laptop.name()).isEqualTo("laptop-host");
    assertThat(laptop.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop.app()).isEqualTo("Coding");
    assertThat(laptop.title()).isEqualTo("[redacted].md - code");
    assertThat(laptop.url()).isEqualTo("https://laptop.example/page");
    assertThat(laptop.workspace()).isEqualTo("Work");
    assertThat(laptop.task()).isEqualTo("work/laptop");
    assertThat(laptop.category()).containsExactly("Work", "Programming");
    assertThat(laptop.activityStartMicros()).isEqualTo(at(10));
  }

  @Test
  void appOnlyShowsTheAppButNoTitleUrlOrTask() {
    PublicDevice laptop = project(publicLaptop(PrivacyLevel.APP_ONLY), online("laptop", "code", "Main.java"));
    assertThat(laptop.app()).isEqualTo("code");
    assertThat(laptop.title()).isNull();
    assertThat(laptop.url()).isNull();
    assertThat(laptop.task()).isNull();
    assertThat(laptop.workspace()).isEqualTo("Work");
    assertThat(laptop.category()).containsExactly("Work", "Programming");
  }

  @Test
  void categoryOnlyShowsTheCategoryAndWhenItBegan() {
    PublicDevice laptop = project(publicLaptop(PrivacyLevel.CATEGORY_ONLY), online("laptop", "code", "Main.java"));
    assertThat(laptop.app()).isNull();
    assertThat(laptop.title()).isNull();
    assertThat(laptop.workspace()).isNull();
    assertThat(laptop.categoryLabel()).isEqualTo("Work > Programming");
    assertThat(laptop.activityStartMicros()).as("the category's start, not the app's").isEqualTo(at(5));
  }

  @Test
  void onlineOnlyShowsStatusSinceAndLastSeen() {
    PublicDevice laptop = project(publicLaptop(PrivacyLevel.ONLINE_ONLY), online("laptop", "code", "Main.java"));
    assertThat(laptop).isEqualTo(new PublicDevice("laptop-host", PresenceStatus.ONLINE, at(0), at(100), null,
        List.of(), null, null, null, null, null));
    assertThat(laptop.hasActivity()).isFalse();
  }

  @Test
  void aHiddenAppMakesItsDeviceLookOnlineOnly() {
    PrivacyRules rules = publicLaptop(PrivacyLevel.FULL).withApp(AppRule.of(AppMatcher.app("Signal"), PrivacyLevel.HIDDEN));
    PublicDevice laptop = project(rules, online("laptop", "Signal", "Chat with Bob"));
    assertThat(laptop.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop.hasActivity()).isFalse();
    assertThat(laptop.title()).isNull();
  }

  @Test
  void switchingBetweenHiddenAppsIsNotAVisibleChange() {
    PrivacyRules rules = publicLaptop(PrivacyLevel.FULL).withApp(AppRule.of(AppMatcher.regex("^(Signal|Bank)$"),
        PrivacyLevel.HIDDEN));
    DevicePresence signal = online("laptop", "Signal", "Chat");
    DevicePresence bank = Devices.lastSeen(Devices.app(signal, "Bank", 50), 150);
    PublicPresence before = PublicProjection.apply(rules, new UserPresence("ada", List.of(signal)), Map.of()).get();
    PublicPresence after = PublicProjection.apply(rules, new UserPresence("ada", List.of(bank)), Map.of()).get();
    assertThat(after.sameVisibleState(before)).isTrue();
    assertThat(after).isNotEqualTo(before); // only last_seen moved
  }

  @Test
  void anOfflineDeviceShowsNoActivity() {
    DevicePresence offline = Devices.with(online("laptop", "code", "Main.java"), PresenceStatus.OFFLINE, 100);
    PublicDevice laptop = project(publicLaptop(PrivacyLevel.FULL), offline);
    assertThat(laptop.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(laptop.hasActivity()).isFalse();
    assertThat(laptop.title()).isNull();
  }

  @Test
  void privateAndUnlistedDevicesDoNotAppearNorLead() {
    PrivacyRules rules = publicLaptop(PrivacyLevel.APP_ONLY)
        .withDevice(DeviceRule.privateDevice("work"))
        .withDevice(DeviceRule.publicDevice("tablet", PrivacyLevel.HIDDEN));
    DevicePresence laptop = Devices.with(online("laptop", "code", "x"), PresenceStatus.IDLE, 10);
    UserPresence owner = new UserPresence("ada", List.of(laptop, online("work", "slack", "y"),
        online("tablet", "kindle", "z"), online("phone", "maps", "w")));
    assertThat(owner.leading().orElseThrow().deviceId()).isNotEqualTo("laptop");

    PublicPresence shown = PublicProjection.apply(rules, owner, Map.of()).orElseThrow();
    assertThat(shown.devices()).extracting(PublicDevice::name).containsExactly("laptop-host");
    assertThat(shown.leading().orElseThrow().name()).isEqualTo("laptop-host");
    assertThat(shown.status()).isEqualTo(PresenceStatus.IDLE);
  }

  @Test
  void theLeaderIsChosenAmongPublicDevicesByPublicFields() {
    PrivacyRules rules = PrivacyRules.PRIVATE.withPublicProfile(true)
        .withDevice(DeviceRule.publicDevice("desktop", PrivacyLevel.FULL).withDisplayName("Desktop"))
        .withDevice(DeviceRule.publicDevice("laptop", PrivacyLevel.ONLINE_ONLY).withDisplayName("Laptop"));
    DevicePresence desktop = Devices.app(online("desktop", "code", "x"), "code", 20);
    DevicePresence laptop = Devices.app(online("laptop", "firefox", "y"), "firefox", 30);
    PublicPresence shown = PublicProjection.apply(rules, new UserPresence("ada", List.of(desktop, laptop)), Map.of())
        .orElseThrow();
    assertThat(shown.devices()).extracting(PublicDevice::name).containsExactly("Desktop", "Laptop");
  }

  @Test
  void withoutAPublicProfileThereIsNothing() {
    PrivacyRules rules = publicLaptop(PrivacyLevel.FULL).withPublicProfile(false);
    assertThat(PublicProjection.apply(rules, new UserPresence("ada", List.of(online("laptop", "a", "b"))), Map.of()))
        .isEmpty();
  }

  @Test
  void theKeyValueMapIsCarriedAndTheJsonHasNoHiddenFields() {
    PublicPresence shown = PublicProjection.apply(publicLaptop(PrivacyLevel.APP_ONLY),
        new UserPresence("ada", List.of(online("laptop", "code", "Main.java"))), Map.of("location", "Berlin"))
        .orElseThrow();
    var json = shown.toJson();
    assertThat(json.path("status").asText()).isEqualTo("online");
    assertThat(json.path("kv").path("location").asText()).isEqualTo("Berlin");
    assertThat(json.path("since").asText()).isEqualTo("2026-11-23T10:00:00.000000+00:00");
    assertThat(json.path("devices").get(0).has("title")).isFalse();
    assertThat(json.path("devices").get(0).path("app").asText()).isEqualTo("code");
    assertThat(json.toString()).doesNotContain("Main.java", "laptop.example", "work/laptop");
  }
}
