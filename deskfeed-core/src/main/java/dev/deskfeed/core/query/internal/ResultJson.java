package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;

/**
 * A query's result as JSON, in ActivityWatch's shapes: events via {@link EventJson}, numbers as JSON numbers
 * (written as doubles, {@code 2.0}), non-finite numbers as {@code null} (as serde_json writes them), none as
 * {@code null}. A function cannot be returned.
 */
public final class ResultJson {

  private ResultJson() {}

  /** @throws QueryException of kind INVALID_TYPE (line 0) when the value holds a function */
  public static JsonNode toJson(Value value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Value.NoneValue) {
      return nodes.nullNode();
    } else if (value instanceof Value.BoolValue bool) {
      return nodes.booleanNode(bool.value());
    } else if (value instanceof Value.NumberValue number) {
      return Double.isFinite(number.value()) ? nodes.numberNode(number.value()) : nodes.nullNode();
    } else if (value instanceof Value.StringValue string) {
      return nodes.textNode(string.value());
    } else if (value instanceof Value.EventValue event) {
      return EventJson.write(event.event());
    } else if (value instanceof Value.ListValue list) {
      ArrayNode array = nodes.arrayNode(list.items().size());
      for (Value item : list.items()) {
        array.add(toJson(item));
      }
      return array;
    } else if (value instanceof Value.DictValue dict) {
      ObjectNode object = nodes.objectNode();
      dict.entries().forEach((key, item) -> object.set(key, toJson(item)));
      return object;
    }
    throw new QueryException(Kind.INVALID_TYPE, 0, "the result holds " + Value.describe(value)
        + ", which has no JSON form");
  }
}
