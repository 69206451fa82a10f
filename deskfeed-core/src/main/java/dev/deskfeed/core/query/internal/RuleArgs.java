package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.category.Category;
import dev.deskfeed.core.category.CategoryRule;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.internal.Value.DictValue;
import dev.deskfeed.core.query.internal.Value.ListValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the rule lists of {@code categorize(events, [[path, rule], ...])} and {@code tag(events, [[tag, rule],
 * ...])}, with aw-query's checks: a rule is a dict with a string {@code type} of {@code "none"} or
 * {@code "regex"}; a regex rule needs a string {@code regex}, may have a bool {@code ignore_case} and a list of
 * strings {@code select_keys}. Elements after the second in a pair are ignored. A regex that does not compile,
 * or an empty {@code select_keys}, is a REGEX_COMPILE error as in aw-server-rust; all else is
 * INVALID_FUNCTION_PARAMETERS. Each regex is compiled once per call.
 */
final class RuleArgs {

  private RuleArgs() {}

  static List<Category> categories(Args args, int index) {
    List<Category> categories = new ArrayList<>();
    for (Value pair : pairs(args, index, "category")) {
      List<Value> items = ((ListValue) pair).items();
      List<String> path = args.strings(items.get(0), args.position(index) + ": a category path");
      categories.add(new Category(null, path, rule(args, items.get(1)), null));
    }
    return categories;
  }

  static List<Classify.TagRule> tags(Args args, int index) {
    List<Classify.TagRule> tags = new ArrayList<>();
    for (Value pair : pairs(args, index, "tag")) {
      List<Value> items = ((ListValue) pair).items();
      if (!(items.get(0) instanceof Value.StringValue tag)) {
        throw args.fail(args.position(index) + ": a tag must be a string, got " + Value.describe(items.get(0)));
      }
      tags.add(new Classify.TagRule(tag.value(), rule(args, items.get(1))));
    }
    return tags;
  }

  private static List<Value> pairs(Args args, int index, String what) {
    if (!(args.get(index) instanceof ListValue list)) {
      throw args.wrongType(index, "a list of [" + what + ", rule] pairs");
    }
    for (Value pair : list.items()) {
      if (!(pair instanceof ListValue items) || items.items().size() < 2) {
        throw args.fail(args.position(index) + " must be a list of [" + what + ", rule] pairs, but it contains "
            + Value.describe(pair));
      }
    }
    return list.items();
  }

  static CategoryRule rule(Args args, Value value) {
    if (!(value instanceof DictValue dict)) {
      throw args.fail("a rule must be a dict, got " + Value.describe(value));
    }
    Value type = dict.entries().get("type");
    if (type == null) {
      throw args.fail("a rule needs a \"type\"");
    }
    if (!(type instanceof Value.StringValue typeName)) {
      throw args.fail("a rule's \"type\" must be a string, got " + Value.describe(type));
    }
    if (typeName.value().equals("none")) {
      return CategoryRule.none();
    }
    if (!typeName.value().equals("regex")) {
      throw args.fail("unknown rule type \"" + typeName.value() + "\" (expected \"regex\" or \"none\")");
    }
    if (!(dict.entries().get("regex") instanceof Value.StringValue regex)) {
      throw args.fail("a regex rule needs a string \"regex\", got "
          + (dict.entries().containsKey("regex") ? Value.describe(dict.entries().get("regex")) : "none"));
    }
    Value ignoreCase = dict.entries().getOrDefault("ignore_case", Value.BoolValue.FALSE);
    if (!(ignoreCase instanceof Value.BoolValue ignore)) {
      throw args.fail("a rule's \"ignore_case\" must be a bool, got " + Value.describe(ignoreCase));
    }
    List<String> selectKeys = null;
    if (dict.entries().containsKey("select_keys")) {
      selectKeys = args.strings(dict.entries().get("select_keys"), "a rule's \"select_keys\"");
    }
    try {
      return CategoryRule.regex(regex.value(), ignore.value(), selectKeys);
    } catch (PatternSyntaxException e) {
      throw new QueryException(Kind.REGEX_COMPILE, 0, "regex \"" + regex.value() + "\" does not compile: "
          + e.getDescription(), e);
    } catch (IllegalArgumentException e) {
      throw new QueryException(Kind.REGEX_COMPILE, 0, "regex rule \"" + regex.value() + "\": " + e.getMessage());
    }
  }
}
