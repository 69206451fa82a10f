package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks and converts the arguments of one built-in call. Every mismatch is an INVALID_FUNCTION_PARAMETERS
 * error that names the function, the 1-based argument and what it got, e.g.
 * {@code "flood() argument 1 must be a list of events, got number 3"}.
 */
final class Args {

  private final String function;
  private final List<Value> values;

  Args(String function, List<Value> values) {
    this.function = function;
    this.values = values;
  }

  /** Requires exactly {@code count} arguments. */
  Args count(int count) {
    return count(count, count);
  }

  Args count(int min, int max) {
    int size = values.size();
    if (size < min || size > max) {
      String expected = min == max ? String.valueOf(min) : min + " or " + max;
      throw fail(function + "() takes " + expected + " argument" + (max == 1 ? "" : "s") + ", got " + size);
    }
    return this;
  }

  int size() {
    return values.size();
  }

  Value get(int index) {
    return values.get(index);
  }

  List<Event> events(int index) {
    Value value = values.get(index);
    if (!(value instanceof Value.ListValue list)) {
      throw wrongType(index, "a list of events");
    }
    List<Event> events = new ArrayList<>(list.items().size());
    for (Value item : list.items()) {
      if (!(item instanceof Value.EventValue event)) {
        throw fail(position(index) + " must be a list of events, but it contains " + Value.describe(item));
      }
      events.add(event.event());
    }
    return events;
  }

  String string(int index) {
    if (values.get(index) instanceof Value.StringValue string) {
      return string.value();
    }
    throw wrongType(index, "a string");
  }

  double number(int index) {
    if (values.get(index) instanceof Value.NumberValue number) {
      return number.value();
    }
    throw wrongType(index, "a number");
  }

  List<String> strings(int index) {
    return strings(values.get(index), position(index));
  }

  /** A list of strings found anywhere (a category path inside a rule list, for example). */
  List<String> strings(Value value, String what) {
    if (!(value instanceof Value.ListValue list)) {
      throw fail(what + " must be a list of strings, got " + Value.describe(value));
    }
    List<String> strings = new ArrayList<>(list.items().size());
    for (Value item : list.items()) {
      if (!(item instanceof Value.StringValue string)) {
        throw fail(what + " must be a list of strings, but it contains " + Value.describe(item));
      }
      strings.add(string.value());
    }
    return strings;
  }

  /** A list of plain values (none, bool, number, string or lists of them) as JSON, for comparing with data. */
  List<JsonNode> jsonValues(int index) {
    Value value = values.get(index);
    if (!(value instanceof Value.ListValue list)) {
      throw wrongType(index, "a list of values");
    }
    List<JsonNode> json = new ArrayList<>(list.items().size());
    for (Value item : list.items()) {
      json.add(json(item, index));
    }
    return json;
  }

  private JsonNode json(Value value, int index) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Value.NoneValue) {
      return nodes.nullNode();
    } else if (value instanceof Value.BoolValue bool) {
      return nodes.booleanNode(bool.value());
    } else if (value instanceof Value.NumberValue number) {
      return nodes.numberNode(number.value());
    } else if (value instanceof Value.StringValue string) {
      return nodes.textNode(string.value());
    } else if (value instanceof Value.ListValue list) {
      ArrayNode array = nodes.arrayNode();
      list.items().forEach(item -> array.add(json(item, index)));
      return array;
    }
    throw fail(position(index) + " may hold only none, bools, numbers, strings and lists, not "
        + Value.describe(value));
  }

  QueryException wrongType(int index, String expected) {
    return fail(position(index) + " must be " + expected + ", got " + Value.describe(values.get(index)));
  }

  String position(int index) {
    return function + "() argument " + (index + 1);
  }

  QueryException fail(String detail) {
    return new QueryException(Kind.INVALID_FUNCTION_PARAMETERS, 0, detail);
  }
}
