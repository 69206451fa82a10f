package dev.deskfeed.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A named stream of events from one watcher on one device, as ActivityWatch defines it.
 *
 * <p>{@code id} is the ActivityWatch bucket id (conventionally {@code client_hostname}); it is unique per user.
 * {@code created} is epoch microseconds. {@code data} is free-form metadata and never null.
 */
public record Bucket(String id, String type, String client, String hostname, long created, ObjectNode data) {

  public Bucket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(data, "data");
  }
}
