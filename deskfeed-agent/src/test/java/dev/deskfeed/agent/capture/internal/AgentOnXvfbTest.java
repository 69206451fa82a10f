package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.agent.Agent;
import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.AgentFixture;
import dev.deskfeed.agent.ServerFixture;
import dev.deskfeed.core.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent on a real X server: Xvfb, openbox and xterm windows focused with xdotool and desktops switched
 * with wmctrl; what the server finally holds are the focus changes as window events and the desktop switches as
 * workspace events, labelled from the configuration and carrying the task. Lives beside {@link XvfbDesktop} to
 * share it; it tests the agent, not the backend.
 */
class AgentOnXvfbTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static XvfbDesktop desktop;

  @TempDir
  Path dir;

  @BeforeAll
  static void startDesktop() throws Exception {
    desktop = XvfbDesktop.start();
    desktop.startWindowManager();
  }

  @AfterAll
  static void stopDesktop() {
    if (desktop != null) {
      desktop.close();
    }
  }

  @Test
  void focusChangesAndDesktopSwitchesBecomeEventsOnTheServer() throws Exception {
    try (ServerFixture server = new ServerFixture(dir.resolve("server"))) {
      AgentConfig config = AgentFixture.config(dir.resolve("agent")).withServer(server.url(), server.token)
          .withWorkspaceLabels(List.of("Work", "Work", "Create"));
      desktop.run("wmctrl", "-s", "0");
      XvfbDesktop.Window alpha = desktop.xterm("alpha window");
      XvfbDesktop.Window beta = desktop.xterm("beta window");
      try (Agent agent = Agent.start(config, new X11Backend(desktop.display()))) {
        agent.setTask("work/default");
        focus(agent, alpha, "alpha window");
        focus(agent, beta, "beta window");
        focus(agent, alpha, "alpha window");
        agent.setTask("work/dlt");
        switchTo(agent, 2, "Create");
        switchTo(agent, 3, "Chat");
        switchTo(agent, 0, "Work");
        focus(agent, beta, "beta window");
        assertThat(agent.awaitSynced(WAIT)).isTrue();

        List<Event> windows = oldestFirst(server.events(AgentFixture.window()));
        assertThat(windows).extracting(e -> e.data().path("title").asText())
            .containsSubsequence("alpha window", "beta window", "alpha window", "beta window");
        assertThat(windows).allSatisfy(e -> assertThat(e.data().path("app").asText()).isEqualTo("XTerm"));
        assertConsecutiveMeet(windows, e -> true);

        List<Event> switches = oldestFirst(server.events(AgentFixture.workspace()));
        assertThat(switches).extracting(e -> e.data().path("workspace").asText() + " " + e.data().path("task")
            .asText()).containsSubsequence("Work work/default", "Work work/dlt", "Create work/dlt",
                "Chat work/dlt", "Work work/dlt");
        assertThat(switches).extracting(e -> e.data().path("index").asInt()).containsSubsequence(0, 2, 3, 0);
        assertConsecutiveMeet(switches, e -> true);
        assertThat(AgentFixture.describe(server.events(AgentFixture.window())))
            .isEqualTo(AgentFixture.localEvents(agent, AgentFixture.window()));
        assertThat(agent.status().workspace()).isEqualTo("Work");
      }
    }
  }

  private static void focus(Agent agent, XvfbDesktop.Window window, String title) throws Exception {
    desktop.run("xdotool", "windowactivate", "--sync", Long.toString(window.id()));
    await(agent, () -> title.equals(agent.status().title()));
    Thread.sleep(300); // let the event have a duration
  }

  private static void switchTo(Agent agent, int index, String label) throws Exception {
    desktop.run("wmctrl", "-s", Integer.toString(index));
    await(agent, () -> agent.status().workspaceIndex() == index && label.equals(agent.status().workspace()));
    Thread.sleep(300);
  }

  private static void await(Agent agent, java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the agent did not see the change; it shows " + agent.status());
      }
      Thread.sleep(10);
    }
  }

  private static List<Event> oldestFirst(List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Event::start));
    return sorted;
  }

  /** Each event ends exactly where the next begins when the switch happened within one tick. */
  private static void assertConsecutiveMeet(List<Event> events, Predicate<ObjectNode> which) {
    for (int i = 0; i + 1 < events.size(); i++) {
      Event current = events.get(i);
      Event next = events.get(i + 1);
      if (which.test(current.data()) && next.start() - current.end() < 1_000_000) {
        assertThat(current.end()).as("event %d ends where %d starts", i, i + 1).isEqualTo(next.start());
      }
    }
  }
}
