package dev.deskfeed.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.agent.sync.SyncStatus;
import dev.deskfeed.core.Json;
import org.junit.jupiter.api.Test;

class StatusFormatTest {

  private static AgentStatus status(String state, SyncStatus.State sync) {
    return new AgentStatus("1.0", "desk", state, "Firefox", "Inbox <3>", "Code", 1, "work/dlt", 12,
        state.equals("paused") ? Long.MAX_VALUE : 0, "capturing", "x11", "",
        new SyncStatus(sync, "https://deskfeed.example", 41, 3, false, 1_700_000_000_000_000L,
            sync == SyncStatus.State.OFFLINE ? "connection refused" : ""), 5600, 1_700_000_000_000_000L);
  }

  @Test
  void jsonRoundTrips() {
    AgentStatus original = status("active", SyncStatus.State.SYNCED);

    JsonNode json = Json.parse(StatusFormat.JSON.render(original, 60));

    assertThat(json.path("sync").path("state").asText()).isEqualTo("synced");
    assertThat(json.path("relay").path("port").asInt()).isEqualTo(5600);
    assertThat(AgentStatus.fromJson(json)).isEqualTo(original);
  }

  @Test
  void i3blocksPrintsFullShortAndColour() {
    String[] lines = StatusFormat.I3BLOCKS.render(status("active", SyncStatus.State.SYNCED), 60).split("\n");

    assertThat(lines).containsExactly("● Firefox · Code · work/dlt", "● work/dlt", "#a3be8c");
  }

  @Test
  void polybarColoursTheSymbolAndEscapesPercent() {
    AgentStatus status = new AgentStatus("1", "h", "afk", "", "", "100% Work", 0, "", 400, 0, "capturing", "x11",
        "", SyncStatus.disabled(), 5600, 0);

    assertThat(StatusFormat.POLYBAR.render(status, 60)).isEqualTo("%{F#888888}○%{F-} away · 100%% Work");
  }

  @Test
  void waybarIsJsonWithAClassAndEscapedMarkup() {
    JsonNode json = Json.parse(StatusFormat.WAYBAR.render(status("active", SyncStatus.State.OFFLINE), 60));

    assertThat(json.path("text").asText()).isEqualTo("● Firefox · Code · work/dlt ⚠ sync offline");
    assertThat(json.path("class").asText()).isEqualTo("active sync-offline");
    assertThat(json.path("tooltip").asText()).contains("Inbox &lt;3&gt;").contains("connection refused");
  }

  @Test
  void panelLineIsShortened() {
    String line = StatusFormat.I3BLOCKS.render(status("active", SyncStatus.State.SYNCED), 10).split("\n")[0];

    assertThat(line).isEqualTo("● Firefox ·…");
  }

  @Test
  void pausedAndNotRunningAreVisible() {
    assertThat(StatusFormat.I3BLOCKS.render(status("paused", SyncStatus.State.SYNCED), 60))
        .startsWith("‖ paused · Code").endsWith("#ebcb8b");
    assertThat(StatusFormat.TEXT.render(status("paused", SyncStatus.State.SYNCED), 60))
        .contains("until 'deskfeed agent resume'");
    assertThat(StatusFormat.WAYBAR.notRunning("no agent")).contains("\"class\":\"stopped\"");
    assertThat(StatusFormat.I3BLOCKS.notRunning("no agent")).startsWith("deskfeed off");
  }

  @Test
  void textNamesEveryFact() {
    String text = StatusFormat.TEXT.render(status("active", SyncStatus.State.OFFLINE), 60);

    assertThat(text).contains("active (idle 12s)", "Firefox — Inbox <3>", "Code (1)", "work/dlt", "x11 capturing",
        "offline with https://deskfeed.example, 3 pending", "connection refused", "http://127.0.0.1:5600/api/0");
  }

  @Test
  void unknownFormatIsNamed() {
    assertThatThrownBy(() -> StatusFormat.parse("lemonbar")).hasMessageContaining("waybar");
  }
}
