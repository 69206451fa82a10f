package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.internal.Value.BoolValue;
import dev.deskfeed.core.query.internal.Value.DictValue;
import dev.deskfeed.core.query.internal.Value.EventValue;
import dev.deskfeed.core.query.internal.Value.ListValue;
import dev.deskfeed.core.query.internal.Value.NoneValue;
import dev.deskfeed.core.query.internal.Value.NumberValue;
import dev.deskfeed.core.query.internal.Value.StringValue;
import java.util.List;
import java.util.Map;

/**
 * The two equalities of aw-query, which differ on purpose and are easy to mix up.
 *
 * <p>{@link #operatorEquals} is the {@code ==} operator and the test of an {@code if}: comparing values of
 * different types (or functions) is an error rather than false, and {@code none == none} is false.
 * {@link #sameValue} is the structural equality used inside lists and dicts and by {@code contains}: values of
 * different types are simply unequal and none equals none. Both compare events by start, duration and data,
 * ignoring the id, and numbers as doubles.
 */
final class ValueEquality {

  private ValueEquality() {}

  static boolean operatorEquals(Value left, Value right) {
    if (left.getClass() != right.getClass() || left instanceof Value.FunctionValue) {
      throw new QueryException(Kind.INVALID_TYPE, 0, "cannot compare " + Value.describe(left) + " with "
          + Value.describe(right));
    }
    if (left instanceof NoneValue) {
      return false;
    }
    return sameValue(left, right);
  }

  static boolean sameValue(Value left, Value right) {
    if (left.getClass() != right.getClass()) {
      return false;
    }
    if (left instanceof NoneValue) {
      return true;
    }
    if (left instanceof BoolValue bool) {
      return bool.value() == ((BoolValue) right).value();
    }
    if (left instanceof NumberValue number) {
      return number.value() == ((NumberValue) right).value();
    }
    if (left instanceof StringValue string) {
      return string.value().equals(((StringValue) right).value());
    }
    if (left instanceof EventValue event) {
      return sameEvent(event.event(), ((EventValue) right).event());
    }
    if (left instanceof ListValue list) {
      return sameItems(list.items(), ((ListValue) right).items());
    }
    if (left instanceof DictValue dict) {
      return sameEntries(dict.entries(), ((DictValue) right).entries());
    }
    return false; // functions are never equal
  }

  static boolean sameEvent(Event left, Event right) {
    return left.start() == right.start() && left.duration() == right.duration() && left.data().equals(right.data());
  }

  private static boolean sameItems(List<Value> left, List<Value> right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      if (!sameValue(left.get(i), right.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameEntries(Map<String, Value> left, Map<String, Value> right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (Map.Entry<String, Value> entry : left.entrySet()) {
      Value other = right.get(entry.getKey());
      if (other == null || !sameValue(entry.getValue(), other)) {
        return false;
      }
    }
    return true;
  }
}
