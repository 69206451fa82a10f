package dev.deskfeed.server.presence.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;

/**
 * The shields.io endpoint badge ({@code https://img.shields.io/endpoint?url=...}): {@code {"schemaVersion": 1,
 * "label", "message", "color"}}; {@code isError} marks the answer for a user without a public profile so shields
 * draws it red. Stateless.
 */
public final class ShieldsJson {

  private ShieldsJson() {}

  public static ObjectNode of(String label, BadgeText text) {
    ObjectNode node = Json.object();
    node.put("schemaVersion", 1);
    node.put("label", label);
    node.put("message", text.message());
    node.put("color", text.color());
    return node;
  }

  public static ObjectNode notFound(String label) {
    ObjectNode node = Json.object();
    node.put("schemaVersion", 1);
    node.put("label", label);
    node.put("message", "not found");
    node.put("color", "lightgrey");
    node.put("isError", true);
    return node;
  }
}
