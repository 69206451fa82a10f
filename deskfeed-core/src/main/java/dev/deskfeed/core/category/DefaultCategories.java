package dev.deskfeed.core.category;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.deskfeed.core.Json;

/**
 * The category set ActivityWatch starts with (aw-webui's defaults), so a new Deskfeed user sees the same
 * categories as in ActivityWatch and an imported {@code classes} setting compares like for like.
 *
 * <p>The shape is the one aw-webui saves: ids numbered from 0 in list order and parents without a rule of their
 * own stored as {@code {"type": "none"}}. "Uncategorized" is listed only to carry its colour; its rule never
 * matches, events fall into it when nothing else does.
 */
public final class DefaultCategories {

  // Regexes as aw-webui ships them (src/util/classes.ts). Kept as data, not code, so it diffs against upstream.
  private static final String JSON = """
      [
        {"id": 0, "name": ["Work"], "rule": {"type": "regex", "regex": "Google Docs|libreoffice|ReText"},
         "data": {"color": "#0F0", "score": 10}},
        {"id": 1, "name": ["Work", "Programming"], "rule": {"type": "regex",
         "regex": "GitHub|Stack Overflow|BitBucket|Gitlab|vim|Spyder|kate|Ghidra|Scite"}, "data": {}},
        {"id": 2, "name": ["Work", "Programming", "ActivityWatch"],
         "rule": {"type": "regex", "regex": "ActivityWatch|aw-", "ignore_case": true}, "data": {}},
        {"id": 3, "name": ["Work", "Image"], "rule": {"type": "regex", "regex": "GIMP|Inkscape"}, "data": {}},
        {"id": 4, "name": ["Work", "Video"], "rule": {"type": "regex", "regex": "Kdenlive"}, "data": {}},
        {"id": 5, "name": ["Work", "Audio"], "rule": {"type": "regex", "regex": "Audacity"}, "data": {}},
        {"id": 6, "name": ["Work", "3D"], "rule": {"type": "regex", "regex": "Blender"}, "data": {}},
        {"id": 7, "name": ["Media"], "rule": {"type": "none"}, "data": {"color": "#F33"}},
        {"id": 8, "name": ["Media", "Games"], "rule": {"type": "regex", "regex": "Minecraft|RimWorld"},
         "data": {"color": "#F80"}},
        {"id": 9, "name": ["Media", "Video"], "rule": {"type": "regex", "regex": "YouTube|Plex|VLC"},
         "data": {"color": "#F33"}},
        {"id": 10, "name": ["Media", "Social Media"], "rule": {"type": "regex",
         "regex": "reddit|Facebook|Twitter|Instagram|devRant", "ignore_case": true}, "data": {"color": "#FCC400"}},
        {"id": 11, "name": ["Media", "Music"], "rule": {"type": "regex", "regex": "Spotify|Deezer",
         "ignore_case": true}, "data": {"color": "#A8FC00"}},
        {"id": 12, "name": ["Comms"], "rule": {"type": "none"}, "data": {"color": "#9FF"}},
        {"id": 13, "name": ["Comms", "IM"], "rule": {"type": "regex",
         "regex": "Messenger|Telegram|Signal|WhatsApp|Rambox|Slack|Riot|Element|Discord|Nheko|NeoChat|Mattermost"},
         "data": {}},
        {"id": 14, "name": ["Comms", "Email"], "rule": {"type": "regex", "regex": "Gmail|Thunderbird|mutt|alpine"},
         "data": {}},
        {"id": 15, "name": ["Uncategorized"], "rule": {"type": "none"}, "data": {"color": "#CCC"}}
      ]
      """;

  private static final ArrayNode SETTINGS = (ArrayNode) Json.parse(JSON);
  private static final Categorizer CATEGORIZER = Categorizer.fromSettings(SETTINGS);

  private DefaultCategories() {}

  /** The defaults in the shape of the {@code classes} setting; a fresh copy the caller may change. */
  public static ArrayNode settingsJson() {
    return SETTINGS.deepCopy();
  }

  /** A shared categorizer over the defaults. */
  public static Categorizer categorizer() {
    return CATEGORIZER;
  }

  /**
   * The defaults as the {@code categories} argument of query2's {@code categorize}: {@code [[path, rule], ...]}
   * for every category, in order, which is what aw-webui sends ({@code none} rules included; they never match).
   * Its {@code toString()} is valid query2 source.
   */
  public static ArrayNode queryArgument() {
    ArrayNode argument = Json.MAPPER.createArrayNode();
    for (Category category : CATEGORIZER.categories()) {
      ArrayNode pair = argument.addArray();
      ArrayNode path = pair.addArray();
      category.name().forEach(path::add);
      pair.add(category.rule().toJson());
    }
    return argument;
  }
}
