package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.query.QueryContext;
import dev.deskfeed.core.query.QueryContext.BucketInfo;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.Timeperiod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link Program} for one time period, in a fresh environment holding {@code TIMEINTERVAL} and the
 * built-ins; the value of {@code RETURN} at the end is the result.
 *
 * <p>Semantics are aw-query's: statements run top to bottom, {@code return} only assigns {@code RETURN} (later
 * statements still run), a function call evaluates its arguments before looking its name up, and every error
 * carries the line of the node that failed. Not thread-safe: one interpreter per run.
 */
public final class Interpreter {

  static final String TIMEINTERVAL = "TIMEINTERVAL";
  static final String RETURN = "RETURN";

  private final Map<String, Value> variables = new HashMap<>();
  private final Timeperiod period;
  private final QueryContext context;
  private List<BucketInfo> buckets;

  private Interpreter(Timeperiod period, QueryContext context) {
    this.period = period;
    this.context = context;
    variables.put(TIMEINTERVAL, new Value.StringValue(period.toString()));
    Builtins.install(variables);
  }

  /**
   * Runs {@code program} and returns the value of {@code RETURN}.
   *
   * @throws QueryException with the line that failed, or of kind EMPTY_QUERY when nothing set {@code RETURN}
   */
  public static Value run(Program program, Timeperiod period, QueryContext context) {
    Interpreter interpreter = new Interpreter(period, context);
    interpreter.execute(program.statements());
    Value result = interpreter.variables.get(RETURN);
    if (result == null) {
      throw new QueryException(Kind.EMPTY_QUERY, program.lastLine(),
          "the query never sets RETURN (end it with 'return <value>;')");
    }
    return result;
  }

  /**
   * The period {@code query_bucket} reads: {@code TIMEINTERVAL}, which a program may reassign.
   */
  Timeperiod timeinterval() {
    Value value = variables.get(TIMEINTERVAL);
    if (!(value instanceof Value.StringValue text)) {
      throw new QueryException(Kind.TIME_INTERVAL, 0, "TIMEINTERVAL must be a string, got "
          + (value == null ? "nothing" : Value.describe(value)));
    }
    if (text.value().equals(period.toString())) {
      return period;
    }
    try {
      return Timeperiod.parse(text.value());
    } catch (IllegalArgumentException e) {
      throw new QueryException(Kind.TIME_INTERVAL, 0, "cannot read TIMEINTERVAL: " + e.getMessage());
    }
  }

  QueryContext context() {
    return context;
  }

  /** The context's buckets, asked for once per run. */
  List<BucketInfo> buckets() {
    if (buckets == null) {
      buckets = List.copyOf(context.buckets());
    }
    return buckets;
  }

  private void execute(List<Node> statements) {
    for (Node statement : statements) {
      evaluate(statement);
    }
  }

  private Value evaluate(Node node) {
    if (node instanceof Node.Literal literal) {
      return literal.value();
    }
    if (node instanceof Node.Variable variable) {
      Value value = variables.get(variable.name());
      if (value == null) {
        throw new QueryException(Kind.UNDEFINED_VARIABLE, variable.line(),
            "undefined variable '" + variable.name() + "'");
      }
      return value;
    }
    if (node instanceof Node.Assign assign) {
      variables.put(assign.name(), evaluate(assign.value()));
      return Value.NONE;
    }
    if (node instanceof Node.Return ret) {
      variables.put(RETURN, evaluate(ret.value()));
      return Value.NONE;
    }
    if (node instanceof Node.Call call) {
      return call(call);
    }
    if (node instanceof Node.Chain chain) {
      return chain(chain);
    }
    if (node instanceof Node.ListLiteral list) {
      List<Value> items = new ArrayList<>(list.items().size());
      for (Node item : list.items()) {
        items.add(evaluate(item));
      }
      return Value.ListValue.wrap(items);
    }
    if (node instanceof Node.DictLiteral dict) {
      Map<String, Value> entries = new LinkedHashMap<>();
      dict.entries().forEach((key, valueNode) -> entries.put(key, evaluate(valueNode)));
      return new Value.DictValue(Collections.unmodifiableMap(entries));
    }
    if (node instanceof Node.If conditional) {
      branch(conditional);
      return Value.NONE;
    }
    throw new IllegalStateException("unknown node " + node);
  }

  private Value call(Node.Call call) {
    List<Value> arguments = new ArrayList<>(call.arguments().size());
    for (Node argument : call.arguments()) {
      arguments.add(evaluate(argument));
    }
    Value function = variables.get(call.name());
    if (function == null) {
      throw new QueryException(Kind.UNDEFINED_VARIABLE, call.line(), "undefined function '" + call.name() + "'");
    }
    if (!(function instanceof Value.FunctionValue builtin)) {
      throw new QueryException(Kind.INVALID_TYPE, call.line(),
          "'" + call.name() + "' is a " + function.typeName() + ", not a function");
    }
    try {
      return builtin.body().call(arguments, this);
    } catch (QueryException e) {
      throw e.atLine(call.line());
    }
  }

  private Value chain(Node.Chain chain) {
    Value result = evaluate(chain.first());
    for (Node.Step step : chain.steps()) {
      Value operand = evaluate(step.operand());
      try {
        result = Operators.apply(step.operator(), result, operand);
      } catch (QueryException e) {
        throw e.atLine(step.line());
      }
    }
    return result;
  }

  private void branch(Node.If conditional) {
    for (Node.Branch branch : conditional.branches()) {
      if (branch.condition() == null || isTrue(branch.condition())) {
        execute(branch.body());
        return;
      }
    }
  }

  private boolean isTrue(Node condition) {
    Value value = evaluate(condition);
    if (!(value instanceof Value.BoolValue bool)) {
      throw new QueryException(Kind.INVALID_TYPE, condition.line(),
          "an if condition must be a bool, got " + Value.describe(value));
    }
    return bool.value();
  }
}
