package dev.deskfeed.importers.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.category.DefaultCategories;

/**
 * ActivityWatch's default categories plus the few rules a person like the demo's would add for their own tools
 * (their IDE and terminal, meetings, docs, reading), so the demo's category views are mostly categorized, as a
 * configured real setup is, instead of mostly "Uncategorized".
 */
public final class DemoCategories {

  private DemoCategories() {}

  /** The {@code classes} setting for the demo user. */
  public static ArrayNode settingsJson() {
    ArrayNode categories = DefaultCategories.settingsJson();
    int id = categories.size();
    add(categories, id++, "jetbrains-idea|Alacritty|Visual Studio Code", "Work", "Programming", "Tools");
    add(categories, id++, "^zoom$|Meeting notes", "Work", "Meetings");
    add(categories, id++, "Google Docs|Jira|LibreOffice Calc", "Work", "Docs");
    add(categories, id, "Hacker News|Wikipedia|LibreOffice Writer", "Media", "Reading");
    return categories;
  }

  private static void add(ArrayNode categories, int id, String regex, String... path) {
    ObjectNode category = categories.addObject();
    category.put("id", id);
    ArrayNode name = category.putArray("name");
    for (String part : path) {
      name.add(part);
    }
    category.putObject("rule").put("type", "regex").put("regex", regex);
    category.putObject("data");
  }
}
