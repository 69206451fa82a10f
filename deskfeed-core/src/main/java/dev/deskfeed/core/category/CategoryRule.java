package dev.deskfeed.core.category;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One ActivityWatch rule: {@code {"type": "regex", "regex": ..., "ignore_case": bool, "select_keys": [...]}} or
 * {@code {"type": "none"}}, which never matches (a category that exists only as a parent).
 *
 * <p>A regex rule matches an event when the regex is <em>found</em> (not fully matched) in any top-level string
 * value of the event's data, or only in the values of {@code select_keys} when given. Numbers, booleans and
 * nested objects are never searched, exactly as in aw-server-rust.
 *
 * <p>The regex is compiled once, here; keep the rule and reuse it rather than building one per event.
 * Rust-only syntax is translated ({@code (?P<name>...)} named groups). Case folding with {@code ignore_case} or
 * {@code (?i)} is Unicode-aware, as in Rust; {@code \w} and {@code \d} stay ASCII (Java's default).
 * Immutable and thread-safe.
 */
public final class CategoryRule {

  private static final CategoryRule NONE = new CategoryRule(null, false, null, null);

  private final String regex;
  private final boolean ignoreCase;
  private final List<String> selectKeys;
  private final Pattern pattern;

  private CategoryRule(String regex, boolean ignoreCase, List<String> selectKeys, Pattern pattern) {
    this.regex = regex;
    this.ignoreCase = ignoreCase;
    this.selectKeys = selectKeys;
    this.pattern = pattern;
  }

  /** The rule that never matches. */
  public static CategoryRule none() {
    return NONE;
  }

  /**
   * A regex rule.
   *
   * @param selectKeys the data keys to search, or null for every key; an empty list is rejected because it would
   *     silently never match
   * @throws PatternSyntaxException when the regex does not compile
   * @throws IllegalArgumentException when {@code selectKeys} is empty
   */
  public static CategoryRule regex(String regex, boolean ignoreCase, List<String> selectKeys) {
    if (regex == null) {
      throw new IllegalArgumentException("a regex rule needs a regex");
    }
    if (selectKeys != null && selectKeys.isEmpty()) {
      throw new IllegalArgumentException("select_keys must not be empty");
    }
    return new CategoryRule(regex, ignoreCase, selectKeys == null ? null : List.copyOf(selectKeys),
        compile(regex, ignoreCase));
  }

  /** Compiles a regex written for ActivityWatch (Rust syntax) into a Java pattern. */
  public static Pattern compile(String regex, boolean ignoreCase) {
    String javaRegex = regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
    int flags = Pattern.UNICODE_CASE | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    return Pattern.compile(javaRegex, flags);
  }

  /**
   * Reads a rule as aw-webui stores it in the {@code classes} setting. A missing or null {@code type} (older
   * aw-webui versions wrote that for parents) is read as {@code none}.
   *
   * @throws IllegalArgumentException naming what is wrong (a {@link PatternSyntaxException} for a bad regex)
   */
  public static CategoryRule fromJson(JsonNode rule) {
    if (rule == null || rule.isNull()) {
      return NONE;
    }
    if (!rule.isObject()) {
      throw new IllegalArgumentException("a rule must be a JSON object, got " + rule);
    }
    JsonNode type = rule.get("type");
    if (type == null || type.isNull() || "none".equals(type.asText())) {
      return NONE;
    }
    if (!"regex".equals(type.asText())) {
      throw new IllegalArgumentException("unknown rule type " + type);
    }
    JsonNode regexNode = rule.get("regex");
    if (regexNode == null || !regexNode.isTextual()) {
      throw new IllegalArgumentException("a regex rule needs a string 'regex'");
    }
    JsonNode ignoreCaseNode = rule.get("ignore_case");
    if (ignoreCaseNode != null && !ignoreCaseNode.isNull() && !ignoreCaseNode.isBoolean()) {
      throw new IllegalArgumentException("'ignore_case' must be a boolean, got " + ignoreCaseNode);
    }
    List<String> keys = null;
    JsonNode keysNode = rule.get("select_keys");
    if (keysNode != null && !keysNode.isNull()) {
      if (!keysNode.isArray()) {
        throw new IllegalArgumentException("'select_keys' must be a list of strings, got " + keysNode);
      }
      keys = new ArrayList<>();
      for (JsonNode key : keysNode) {
        if (!key.isTextual()) {
          throw new IllegalArgumentException("'select_keys' must contain only strings, got " + key);
        }
        keys.add(key.asText());
      }
    }
    return regex(regexNode.asText(), ignoreCaseNode != null && ignoreCaseNode.asBoolean(), keys);
  }

  public boolean isNone() {
    return pattern == null;
  }

  /** Whether the rule matches an event with this data. */
  public boolean matches(ObjectNode data) {
    if (pattern == null) {
      return false;
    }
    if (selectKeys == null) {
      for (Iterator<JsonNode> values = data.elements(); values.hasNext(); ) {
        if (found(values.next())) {
          return true;
        }
      }
      return false;
    }
    for (String key : selectKeys) {
      if (found(data.get(key))) {
        return true;
      }
    }
    return false;
  }

  private boolean found(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return false;
    }
    Matcher matcher = pattern.matcher(value.textValue());
    return matcher.find();
  }

  /** The rule in aw-webui's settings shape. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    if (pattern == null) {
      node.put("type", "none");
      return node;
    }
    node.put("type", "regex");
    node.put("regex", regex);
    if (ignoreCase) {
      node.put("ignore_case", true);
    }
    if (selectKeys != null) {
      ArrayNode keys = node.putArray("select_keys");
      selectKeys.forEach(keys::add);
    }
    return node;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
