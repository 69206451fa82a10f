package dev.deskfeed.core.category;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultCategoriesTest {

  private static List<String> categorize(String app, String title) {
    ObjectNode data = Json.object();
    data.put("app", app);
    data.put("title", title);
    return DefaultCategories.categorizer().categorize(data);
  }

  @Test
  void holdsAwWebuisSetInOrderWithIdsFromZero() {
    ArrayNode settings = DefaultCategories.settingsJson();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
      assertThat(settings.get(i).get("id").asInt()).isEqualTo(i);
      List<String> path = new ArrayList<>();
      settings.get(i).get("name").forEach(part -> path.add(part.asText()));
      names.add(String.join(">", path));
    }
    assertThat(names).containsExactly("Work", "Work>Programming", "Work>Programming>ActivityWatch", "Work>Image",
        "Work>Video", "Work>Audio", "Work>3D", "Media", "Media>Games", "Media>Video", "Media>Social Media",
        "Media>Music", "Comms", "Comms>IM", "Comms>Email", "Uncategorized");
  }

  @Test
  void theSettingsCopyIsTheCallersToChange() {
    DefaultCategories.settingsJson().removeAll();
    assertThat(DefaultCategories.settingsJson()).hasSize(16);
  }

  @Test
  void categorizesTypicalWindows() {
    assertThat(categorize("kitty", "vim ~/src/main.rs")).containsExactly("Work", "Programming");
    assertThat(categorize("Firefox", "ActivityWatch/aw-webui")).containsExactly("Work", "Programming",
        "ActivityWatch");
    assertThat(categorize("Firefox", "Inbox - Gmail")).containsExactly("Comms", "Email");
    assertThat(categorize("Firefox", "r/java - REDDIT")).containsExactly("Media", "Social Media");
    assertThat(categorize("spotify", "Song")).containsExactly("Media", "Music");
    assertThat(categorize("LibreOffice", "Budget.ods")).containsExactly("Uncategorized");
    assertThat(categorize("soffice", "Budget.ods - libreoffice Calc")).containsExactly("Work");
    assertThat(categorize("Nautilus", "Home")).containsExactly("Uncategorized");
  }

  @Test
  void theQueryArgumentPairsEveryPathWithItsRule() {
    JsonNode argument = DefaultCategories.queryArgument();
    assertThat(argument).hasSize(16);
    assertThat(argument.get(1).toString()).isEqualTo("[[\"Work\",\"Programming\"],{\"type\":\"regex\",\"regex\":"
        + "\"GitHub|Stack Overflow|BitBucket|Gitlab|vim|Spyder|kate|Ghidra|Scite\"}]");
    assertThat(argument.get(7).toString()).isEqualTo("[[\"Media\"],{\"type\":\"none\"}]");
  }
}
