package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.internal.Node.Operator;
import dev.deskfeed.core.query.internal.Value.ListValue;
import dev.deskfeed.core.query.internal.Value.NumberValue;
import dev.deskfeed.core.query.internal.Value.StringValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The six operators, with aw-query's typing: {@code +} adds numbers, concatenates two strings or two lists
 * and rejects anything else (dicts included); {@code - * / %} take numbers only; {@code ==} is
 * {@link ValueEquality#operatorEquals}. Division by zero is a math error, and so is modulo by zero (aw-query
 * returns NaN there, which its JSON writer then turns into null).
 */
final class Operators {

  private Operators() {}

  static Value apply(Operator operator, Value left, Value right) {
    switch (operator) {
      case EQUALS:
        return Value.BoolValue.of(ValueEquality.operatorEquals(left, right));
      case ADD:
        return add(left, right);
      default:
        break;
    }
    double a = number(operator, left);
    double b = number(operator, right);
    switch (operator) {
      case SUBTRACT:
        return new NumberValue(a - b);
      case MULTIPLY:
        return new NumberValue(a * b);
      case DIVIDE:
        if (b == 0) {
          throw new QueryException(Kind.MATH, 0, "division by zero");
        }
        return new NumberValue(a / b);
      case MODULO:
        if (b == 0) {
          throw new QueryException(Kind.MATH, 0, "modulo by zero");
        }
        return new NumberValue(a % b);
      default:
        throw new IllegalStateException("unhandled operator " + operator);
    }
  }

  private static Value add(Value left, Value right) {
    if (left instanceof NumberValue a && right instanceof NumberValue b) {
      return new NumberValue(a.value() + b.value());
    }
    if (left instanceof StringValue a && right instanceof StringValue b) {
      return new StringValue(a.value() + b.value());
    }
    if (left instanceof ListValue a && right instanceof ListValue b) {
      List<Value> joined = new ArrayList<>(a.items().size() + b.items().size());
      joined.addAll(a.items());
      joined.addAll(b.items());
      return ListValue.wrap(joined);
    }
    throw new QueryException(Kind.INVALID_TYPE, 0, "cannot add " + Value.describe(right) + " to "
        + Value.describe(left) + " ('+' takes two numbers, two strings or two lists)");
  }

  private static double number(Operator operator, Value value) {
    if (value instanceof NumberValue number) {
      return number.value();
    }
    throw new QueryException(Kind.INVALID_TYPE, 0, "'" + operator.symbol + "' takes numbers, got "
        + Value.describe(value));
  }
}
