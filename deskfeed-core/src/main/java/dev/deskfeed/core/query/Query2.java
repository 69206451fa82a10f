package dev.deskfeed.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.internal.Interpreter;
import dev.deskfeed.core.query.internal.Program;
import dev.deskfeed.core.query.internal.ResultJson;
import dev.deskfeed.core.query.internal.Value;
import java.util.List;
import java.util.Objects;

/**
 * A compiled query2 program, ActivityWatch's query language, ready to run for any number of time periods.
 *
 * <p>A request's {@code query} lines are joined with {@code \n} ({@link #join}) into one program, compiled once
 * and run once per period, each time in a fresh environment where {@code TIMEINTERVAL} is that period. The
 * value of {@code RETURN} is the result, as ActivityWatch JSON. Compiled programs are immutable and
 * thread-safe; each run is independent.
 *
 * <p>Deliberate differences from aw-server-rust, all where it panics, loses input or gives arbitrary results:
 * an unknown character is a parse error (aw-query silently runs the program up to it); modulo by zero is a
 * math error (aw-query yields NaN); numbers in {@code filter_keyvals} / {@code exclude_keyvals} compare by
 * value, so {@code [1]} matches a stored integer {@code 1}; {@code merge_events_by_keys} keeps the order in
 * which groups first appear (aw-query's is arbitrary); none is returned as {@code null} (aw-query writes an
 * empty list); returning a function is an INVALID_TYPE error (aw-query panics); when {@code flood} splits a
 * gap of an odd number of microseconds the later event gets the extra one (no 1 µs hole); error messages are
 * sentences with a line number instead of Rust debug output; {@code nop()} (from the Python server) exists.
 * Regexes run on {@link java.util.regex}: aw-query's syntax works, look-around and {@code (?P<name>)}
 * included, but {@code \w} and {@code \d} match ASCII only.
 */
public final class Query2 {

  private final Program program;

  private Query2(Program program) {
    this.program = program;
  }

  /**
   * Parses a program.
   *
   * @throws QueryException of kind PARSING naming the line
   */
  public static Query2 compile(String source) {
    Objects.requireNonNull(source, "source");
    try {
      return new Query2(Program.parse(source));
    } catch (StackOverflowError e) {
      throw new QueryException(Kind.PARSING, 1, "the program nests too deeply to parse");
    }
  }

  /** Joins a request's {@code query} lines the way ActivityWatch does, so line numbers match the list. */
  public static String join(List<String> lines) {
    return String.join("\n", lines);
  }

  /** Compiles and runs {@code source} for one period. */
  public static JsonNode run(String source, long periodStart, long periodEnd, QueryContext context) {
    return compile(source).run(new Timeperiod(periodStart, periodEnd), context);
  }

  /**
   * Compiles {@code source} once and runs it for every period, as {@code POST /api/0/query/} does: one result
   * per period, in order. The first failing period fails the whole request, as in aw-server-rust.
   */
  public static ArrayNode runAll(String source, List<Timeperiod> periods, QueryContext context) {
    Query2 query = compile(source);
    ArrayNode results = JsonNodeFactory.instance.arrayNode(periods.size());
    for (Timeperiod period : periods) {
      results.add(query.run(period, context));
    }
    return results;
  }

  /**
   * Runs the program for one period.
   *
   * @return the value of {@code RETURN} as ActivityWatch JSON
   * @throws QueryException naming the line and what went wrong
   */
  public JsonNode run(Timeperiod period, QueryContext context) {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(context, "context");
    Value result;
    try {
      result = Interpreter.run(program, period, context);
    } catch (StackOverflowError e) {
      throw new QueryException(Kind.INVALID_TYPE, 1, "the program nests too deeply to run");
    }
    try {
      return ResultJson.toJson(result);
    } catch (QueryException e) {
      throw e.atLine(program.lastLine());
    }
  }
}
