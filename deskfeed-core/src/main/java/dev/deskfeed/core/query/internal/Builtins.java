package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.category.Categorizer;
import dev.deskfeed.core.category.CategoryRule;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The table of query2 built-ins: aw-server-rust's set plus {@code nop()} from aw-server (Python). Each entry
 * checks its arguments ({@link Args}) and hands the events to one transform class; the semantics are documented
 * there.
 */
final class Builtins {

  private static final System.Logger LOG = System.getLogger("dev.deskfeed.core.query");
  private static final Map<String, Value.FunctionValue> ALL = table();

  private Builtins() {}

  static void install(Map<String, Value> variables) {
    variables.putAll(ALL);
  }

  /** The names of all built-ins, for tests and documentation. */
  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  private static Map<String, Value.FunctionValue> table() {
    Map<String, Builtin> table = new LinkedHashMap<>();
    table.put("query_bucket", BucketFunctions::queryBucket);
    table.put("find_bucket", BucketFunctions::findBucket);
    table.put("query_bucket_names", BucketFunctions::bucketNames);
    table.put("print", Builtins::print);
    table.put("nop", (values, in) -> {
      new Args("nop", values).count(0);
      return new Value.NumberValue(1);
    });
    table.put("contains", Builtins::contains);
    table.put("concat", Builtins::concat);
    table.put("flood", (values, in) -> events(Flood.flood(
        new Args("flood", values).count(1).events(0), Flood.DEFAULT_PULSETIME_MICROS)));
    table.put("sort_by_duration", (values, in) -> events(EventLists.sortByDuration(
        new Args("sort_by_duration", values).count(1).events(0))));
    table.put("sort_by_timestamp", (values, in) -> events(EventLists.sortByTimestamp(
        new Args("sort_by_timestamp", values).count(1).events(0))));
    table.put("limit_events", (values, in) -> {
      Args args = new Args("limit_events", values).count(2);
      return events(EventLists.limit(args.events(0), args.number(1)));
    });
    table.put("sum_durations", (values, in) -> new Value.NumberValue(EventLists.sumDurationSeconds(
        new Args("sum_durations", values).count(1).events(0))));
    table.put("merge_events_by_keys", (values, in) -> {
      Args args = new Args("merge_events_by_keys", values).count(2);
      return events(MergeByKeys.merge(args.events(0), args.strings(1)));
    });
    table.put("chunk_events_by_key", (values, in) -> {
      Args args = new Args("chunk_events_by_key", values).count(2);
      return events(ChunkByKey.chunk(args.events(0), args.string(1)));
    });
    table.put("filter_keyvals", (values, in) -> keyvals("filter_keyvals", values, false));
    table.put("exclude_keyvals", (values, in) -> keyvals("exclude_keyvals", values, true));
    table.put("filter_keyvals_regex", Builtins::filterRegex);
    table.put("filter_period_intersect", (values, in) -> {
      Args args = new Args("filter_period_intersect", values).count(2);
      return events(PeriodIntersect.intersect(args.events(0), args.events(1)));
    });
    table.put("period_union", (values, in) -> {
      Args args = new Args("period_union", values).count(2);
      return events(PeriodUnion.union(args.events(0), args.events(1)));
    });
    table.put("union_no_overlap", (values, in) -> {
      Args args = new Args("union_no_overlap", values).count(2);
      return events(UnionNoOverlap.union(args.events(0), args.events(1)));
    });
    table.put("split_url_events", (values, in) -> events(SplitUrl.split(
        new Args("split_url_events", values).count(1).events(0))));
    table.put("categorize", (values, in) -> {
      Args args = new Args("categorize", values).count(2);
      List<Event> events = args.events(0);
      return events(Classify.categorize(events, new Categorizer(RuleArgs.categories(args, 1))));
    });
    table.put("tag", (values, in) -> {
      Args args = new Args("tag", values).count(2);
      List<Event> events = args.events(0);
      return events(Classify.tag(events, RuleArgs.tags(args, 1)));
    });
    Map<String, Value.FunctionValue> functions = new LinkedHashMap<>();
    table.forEach((name, body) -> functions.put(name, new Value.FunctionValue(name, body)));
    return Collections.unmodifiableMap(functions);
  }

  private static Value events(List<Event> events) {
    return Value.ListValue.ofEvents(events);
  }

  private static Value print(List<Value> values, Interpreter interpreter) {
    for (Value value : values) {
      LOG.log(Level.INFO, "query print: {0}", Value.describe(value));
    }
    return Value.NONE;
  }

  /** {@code contains(list, value)} by structural equality, or {@code contains(dict, key)}. */
  private static Value contains(List<Value> values, Interpreter interpreter) {
    Args args = new Args("contains", values).count(2);
    if (args.get(0) instanceof Value.ListValue list) {
      for (Value item : list.items()) {
        if (ValueEquality.sameValue(item, args.get(1))) {
          return Value.BoolValue.TRUE;
        }
      }
      return Value.BoolValue.FALSE;
    }
    if (args.get(0) instanceof Value.DictValue dict) {
      return Value.BoolValue.of(dict.entries().containsKey(args.string(1)));
    }
    throw args.wrongType(0, "a list or a dict");
  }

  /** {@code concat(a, b, ...)}: any number of event lists, one after the other. */
  private static Value concat(List<Value> values, Interpreter interpreter) {
    Args args = new Args("concat", values);
    List<Event> all = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      all.addAll(args.events(i));
    }
    return events(all);
  }

  private static Value keyvals(String name, List<Value> values, boolean exclude) {
    Args args = new Args(name, values).count(3);
    return events(KeyValueFilter.byValues(args.events(0), args.string(1), args.jsonValues(2), exclude));
  }

  private static Value filterRegex(List<Value> values, Interpreter interpreter) {
    Args args = new Args("filter_keyvals_regex", values).count(3);
    List<Event> events = args.events(0);
    String key = args.string(1);
    String regex = args.string(2);
    Pattern pattern;
    try {
      pattern = CategoryRule.compile(regex, false);
    } catch (PatternSyntaxException e) {
      throw new QueryException(Kind.REGEX_COMPILE, 0, "regex \"" + regex + "\" does not compile: "
          + e.getDescription(), e);
    }
    return events(KeyValueFilter.byRegex(events, key, pattern));
  }
}
