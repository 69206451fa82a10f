package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A query2 value: none, bool, number, string, event, list, dict or function.
 *
 * <p>Values are immutable (lists and dicts wrap unmodifiable collections; events are records whose data no
 * transform mutates), so a variable can be read many times without the copy aw-query makes on every read.
 */
public sealed interface Value {

  /** The type name used in error messages. */
  String typeName();

  NoneValue NONE = new NoneValue();

  record NoneValue() implements Value {
    @Override
    public String typeName() {
      return "none";
    }
  }

  record BoolValue(boolean value) implements Value {
    static final BoolValue TRUE = new BoolValue(true);
    static final BoolValue FALSE = new BoolValue(false);

    static BoolValue of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public String typeName() {
      return "bool";
    }
  }

  record NumberValue(double value) implements Value {
    @Override
    public String typeName() {
      return "number";
    }
  }

  record StringValue(String value) implements Value {
    @Override
    public String typeName() {
      return "string";
    }
  }

  record EventValue(Event event) implements Value {
    @Override
    public String typeName() {
      return "event";
    }
  }

  record ListValue(List<Value> items) implements Value {
    static final ListValue EMPTY = new ListValue(List.of());

    /** Wraps {@code items} without copying: the caller hands the list over and must not touch it again. */
    static ListValue wrap(List<? extends Value> items) {
      return new ListValue(Collections.unmodifiableList(items));
    }

    static ListValue ofEvents(List<Event> events) {
      List<Value> items = new ArrayList<>(events.size());
      for (Event event : events) {
        items.add(new EventValue(event));
      }
      return wrap(items);
    }

    @Override
    public String typeName() {
      return "list";
    }
  }

  record DictValue(Map<String, Value> entries) implements Value {
    @Override
    public String typeName() {
      return "dict";
    }
  }

  /** A built-in; functions are ordinary variables, so a program can alias or shadow them. */
  record FunctionValue(String name, Builtin body) implements Value {
    @Override
    public String typeName() {
      return "function";
    }
  }

  /** The value as an error message shows it: its type and an abbreviated rendering. */
  static String describe(Value value) {
    String shown;
    if (value instanceof BoolValue bool) {
      shown = String.valueOf(bool.value());
    } else if (value instanceof NumberValue number) {
      shown = formatNumber(number.value());
    } else if (value instanceof StringValue string) {
      shown = '"' + string.value() + '"';
    } else if (value instanceof EventValue event) {
      shown = Timestamps.format(event.event().start()) + " " + event.event().data();
    } else if (value instanceof ListValue list) {
      shown = "of " + list.items().size();
    } else if (value instanceof DictValue dict) {
      shown = dict.entries().keySet().toString();
    } else if (value instanceof FunctionValue function) {
      shown = function.name();
    } else {
      shown = "";
    }
    if (shown.length() > 40) {
      shown = shown.substring(0, 37) + "...";
    }
    return shown.isEmpty() ? value.typeName() : value.typeName() + " " + shown;
  }

  static String formatNumber(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number)
        : String.valueOf(number);
  }
}
