package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.privacy.PublicDevice;
import dev.deskfeed.core.privacy.PublicPresence;
import dev.deskfeed.server.presence.format.BadgeSvg;
import dev.deskfeed.server.presence.format.BadgeText;
import dev.deskfeed.server.presence.format.PublicJson;
import dev.deskfeed.server.presence.format.RelativeTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts of badges and the ETag rule, on hand-made projections. */
class BadgeFormatsTest {

  static final long NOW = Timestamps.parse("2026-11-23T12:00:00Z");
  static final long MINUTE = 60 * Timestamps.MICROS_PER_SECOND;

  static PublicDevice device(PresenceStatus status, String app, List<String> category, long lastSeen) {
    return new PublicDevice("Laptop", status, NOW - 5 * MINUTE, lastSeen, app, category, null, null, null, null,
        app == null ? null : NOW - 5 * MINUTE);
  }

  @Test
  void messagesNameTheLeadersAppOrCategoryOrTheLastSeenAge() {
    assertThat(BadgeText.of(new PublicPresence(List.of(device(PresenceStatus.ONLINE, "Coding", List.of(), NOW)),
        Map.of()), NOW)).isEqualTo(new BadgeText("online · Coding", "brightgreen"));
    assertThat(BadgeText.of(new PublicPresence(List.of(device(PresenceStatus.IDLE, null,
        List.of("Work", "Programming"), NOW)), Map.of()), NOW).message()).isEqualTo("idle · Work > Programming");
    assertThat(BadgeText.of(new PublicPresence(List.of(device(PresenceStatus.ONLINE, null, List.of(), NOW)),
        Map.of()), NOW).message()).isEqualTo("online");
    assertThat(BadgeText.of(new PublicPresence(List.of(device(PresenceStatus.OFFLINE, null, List.of(),
        NOW - 125 * MINUTE)), Map.of()), NOW)).isEqualTo(new BadgeText("offline · last seen 2 h ago", "lightgrey"));
    assertThat(BadgeText.of(new PublicPresence(List.of(), Map.of()), NOW).message()).isEqualTo("offline");
  }

  @Test
  void agesAreCoarse() {
    assertThat(RelativeTime.ago(NOW - 30 * Timestamps.MICROS_PER_SECOND, NOW)).isEqualTo("just now");
    assertThat(RelativeTime.ago(NOW - 5 * MINUTE, NOW)).isEqualTo("5 min ago");
    assertThat(RelativeTime.ago(NOW - 47 * 60 * MINUTE, NOW)).isEqualTo("47 h ago");
    assertThat(RelativeTime.ago(NOW - 3 * 24 * 60 * MINUTE, NOW)).isEqualTo("3 d ago");
    assertThat(RelativeTime.ago(NOW + MINUTE, NOW)).isEqualTo("just now");
  }

  @Test
  void svgEscapesTextAndSizesToIt() {
    String svg = BadgeSvg.render("<ada & co>", new BadgeText("online · \"x\"", "brightgreen"));
    assertThat(svg).contains("&lt;ada &amp; co&gt;").contains("&quot;x&quot;").doesNotContain("<ada");
    assertThat(svg).contains("fill=\"#4c1\"");
    String longer = BadgeSvg.render("ada", new BadgeText("online · a much longer application name", "green"));
    assertThat(width(longer)).isGreaterThan(width(BadgeSvg.render("ada", new BadgeText("online", "green"))));
  }

  @Test
  void theEtagIgnoresLastSeenButNothingElse() {
    PublicPresence seen = new PublicPresence(List.of(device(PresenceStatus.ONLINE, "Coding", List.of(), NOW)),
        Map.of());
    PublicPresence seenLater = new PublicPresence(List.of(device(PresenceStatus.ONLINE, "Coding", List.of(),
        NOW + MINUTE)), Map.of());
    PublicPresence otherApp = new PublicPresence(List.of(device(PresenceStatus.ONLINE, "Writing", List.of(), NOW)),
        Map.of());
    PublicPresence withKv = new PublicPresence(seen.devices(), Map.of("reading", "Dune"));
    String etag = PublicJson.etag("ada", seen);
    assertThat(PublicJson.etag("ada", seenLater)).isEqualTo(etag);
    assertThat(PublicJson.etag("ada", otherApp)).isNotEqualTo(etag);
    assertThat(PublicJson.etag("ada", withKv)).isNotEqualTo(etag);
    assertThat(PublicJson.matches(etag, etag)).isTrue();
    assertThat(PublicJson.matches("\"x\", " + etag.substring(2), etag)).isTrue();
    assertThat(PublicJson.matches("W/\"other\"", etag)).isFalse();
    assertThat(PublicJson.matches(null, etag)).isFalse();
  }

  private static int width(String svg) {
    int at = svg.indexOf("width=\"") + 7;
    return Integer.parseInt(svg.substring(at, svg.indexOf('"', at)));
  }
}
