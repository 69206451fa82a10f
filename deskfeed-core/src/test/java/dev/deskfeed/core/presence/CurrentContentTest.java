package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.at;
import static dev.deskfeed.core.presence.Beats.tab;
import static dev.deskfeed.core.presence.Beats.window;
import static dev.deskfeed.core.presence.BucketTypes.CURRENT_WINDOW;
import static dev.deskfeed.core.presence.BucketTypes.TASK;
import static dev.deskfeed.core.presence.BucketTypes.WEB_TAB;
import static dev.deskfeed.core.presence.BucketTypes.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.category.Categorizer;
import dev.deskfeed.core.category.Category;
import dev.deskfeed.core.category.CategoryRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a device shows: window, browser tab, workspace, task and category. */
class CurrentContentTest {

  final Categorizer categories = new Categorizer(List.of(
      new Category(1L, List.of("Work", "Programming"), CategoryRule.regex("code|idea", false, List.of("app")), null),
      new Category(2L, List.of("Media"), CategoryRule.regex("YouTube", false, null), null)));
  final PresenceTracker tracker = new PresenceTracker(PresenceConfig.defaults(),
      PresenceCategorizer.perUser(user -> categories), PresenceListener.NONE);

  void beat(String type, Event event, double nowSeconds) {
    tracker.onHeartbeat("ada", "laptop", "Laptop", type, event, at(nowSeconds));
  }

  DevicePresence laptop() {
    return tracker.snapshot("ada").device("laptop").orElseThrow();
  }

  @Test
  void theTabUrlIsShownWhileTheBrowserIsInFront() {
    beat(WEB_TAB, tab(0, "https://example.org/", "Example Domain"), 0);
    beat(CURRENT_WINDOW, window(1, "firefox", "Example Domain — Mozilla Firefox"), 1);
    assertThat(laptop().url()).isEqualTo("https://example.org/");
    beat(CURRENT_WINDOW, window(2, "code", "Main.java"), 2);
    assertThat(laptop().url()).as("the tab is still current in the browser, but the browser is behind").isNull();
  }

  @Test
  void theWindowsOwnUrlWins() {
    beat(WEB_TAB, tab(0, "https://example.org/", "Example Domain"), 0);
    beat(CURRENT_WINDOW, window(1, "Safari", "Example Domain", "https://example.org/safari"), 1);
    assertThat(laptop().url()).isEqualTo("https://example.org/safari");
  }

  @Test
  void aDeviceWithOnlyTheBrowserWatcherShowsTheTab() {
    beat(WEB_TAB, tab(0, "https://example.org/", "Example Domain"), 0);
    assertThat(laptop().app()).isNull();
    assertThat(laptop().title()).isEqualTo("Example Domain");
    assertThat(laptop().url()).isEqualTo("https://example.org/");
  }

  @Test
  void incognitoTabsAreNeverShown() {
    beat(WEB_TAB, tab(0, "https://example.org/", "Example Domain"), 0);
    Event secret = tab(1, "https://secret.example/", "Secret");
    secret.data().put("incognito", true);
    beat(WEB_TAB, secret, 1);
    assertThat(laptop().url()).isNull();
    assertThat(laptop().title()).isNull();
  }

  @Test
  void workspaceAndTaskComeFromTheirBuckets() {
    beat(WORKSPACE, Beats.workspace(0, "Work", "work/default"), 0);
    assertThat(laptop().workspace()).isEqualTo("Work");
    assertThat(laptop().task()).isEqualTo("work/default");
    beat(TASK, Beats.task(1, "work/dlt"), 1);
    assertThat(laptop().task()).isEqualTo("work/dlt");
    beat(WORKSPACE, Event.of(at(2), 0, Json.object().put("name", "Learn").put("index", 4)), 2);
    assertThat(laptop().workspace()).isEqualTo("Learn");
    assertThat(laptop().task()).as("a workspace switch without a task keeps the task").isEqualTo("work/dlt");
  }

  @Test
  void theCategoryFollowsTheWindowAndKeepsItsStartInsideOneCategory() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    assertThat(laptop().category()).containsExactly("Work", "Programming");
    assertThat(laptop().categoryStartMicros()).isEqualTo(at(0));
    beat(CURRENT_WINDOW, window(5, "idea", "Other.java"), 5);
    assertThat(laptop().activityStartMicros()).isEqualTo(at(5));
    assertThat(laptop().categoryStartMicros()).isEqualTo(at(0));
    beat(CURRENT_WINDOW, window(9, "firefox", "Cats - YouTube"), 9);
    assertThat(laptop().category()).containsExactly("Media");
    assertThat(laptop().categoryStartMicros()).isEqualTo(at(9));
  }

  @Test
  void withoutCategoriesTheCategoryIsEmpty() {
    PresenceTracker plain = new PresenceTracker(PresenceListener.NONE);
    plain.onHeartbeat("ada", "laptop", null, CURRENT_WINDOW, window(0, "code", "x"), at(0));
    DevicePresence laptop = plain.snapshot("ada").devices().get(0);
    assertThat(laptop.category()).isEmpty();
    assertThat(laptop.categoryStartMicros()).isNull();
  }

  @Test
  void recategorizingAppliesNewRules() {
    List<Category> rules = new java.util.concurrent.CopyOnWriteArrayList<>();
    PresenceTracker tracker = new PresenceTracker(PresenceConfig.defaults(),
        PresenceCategorizer.perUser(user -> new Categorizer(rules)), PresenceListener.NONE);
    tracker.onHeartbeat("ada", "laptop", null, CURRENT_WINDOW, window(0, "code", "x"), at(0));
    assertThat(tracker.snapshot("ada").devices().get(0).category()).containsExactly("Uncategorized");
    rules.add(new Category(1L, List.of("Work"), CategoryRule.regex("code", false, null), null));
    assertThat(tracker.recategorize("ada", at(5))).isTrue();
    assertThat(tracker.snapshot("ada").devices().get(0).category()).containsExactly("Work");
    assertThat(tracker.snapshot("ada").devices().get(0).categoryStartMicros()).isEqualTo(at(5));
  }
}
