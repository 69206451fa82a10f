package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-written stand-in for aw-server's read API on 127.0.0.1 (aw-server itself cannot run here). It behaves
 * the way the puller must cope with: events overlapping [start, end], newest first, each clipped to the range;
 * single events whole by id; counts; optional bearer auth; and a switch that makes events requests fail after a
 * number of them, to interrupt a pull midway. Thread-safe enough for one client: every handler synchronizes.
 */
final class FakeAwServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, ObjectNode> buckets = new LinkedHashMap<>();
  private final Map<String, TreeMap<Long, Event>> events = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private String apiKey;
  private int eventsRequestsBeforeFailure = Integer.MAX_VALUE;

  FakeAwServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/0/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** @param firstEvent the bucket's metadata.start as aw-server-rust lists it, or null to list no metadata */
  synchronized void bucket(String id, String type, long created, Long firstEvent) {
    ObjectNode bucket = Json.object().put("id", id).put("type", type).put("client", "aw-watcher-" + type)
        .put("hostname", "laptop").put("created", Timestamps.format(created));
    bucket.set("data", Json.object());
    if (firstEvent != null) {
      bucket.putObject("metadata").put("start", Timestamps.format(firstEvent));
    }
    bucket.putNull("events");
    buckets.put(id, bucket);
    events.put(id, new TreeMap<>());
  }

  synchronized void event(String bucketId, long id, long start, long duration, ObjectNode data) {
    events.get(bucketId).put(id, new Event(id, start, duration, data));
  }

  synchronized Map<Long, Event> events(String bucketId) {
    return new TreeMap<>(events.get(bucketId));
  }

  synchronized void requireApiKey(String key) {
    apiKey = key;
  }

  synchronized void failEventsRequestsAfter(int count) {
    eventsRequestsBeforeFailure = count;
  }

  synchronized List<String> requests() {
    return new ArrayList<>(requests);
  }

  synchronized void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    requests.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    if (apiKey != null && !("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{\"message\": \"missing or wrong API key\"}");
      return;
    }
    String[] path = uri.getPath().substring("/api/0/".length()).split("/");
    Map<String, String> query = query(uri.getRawQuery());
    if (path[0].equals("info")) {
      respond(exchange, 200, "{\"hostname\": \"laptop\", \"version\": \"v0.14.0\", \"testing\": false,"
          + " \"device_id\": \"fake-device-1\"}");
    } else if (path[0].equals("buckets") && path.length == 1) {
      ObjectNode listing = Json.object();
      buckets.forEach(listing::set);
      respond(exchange, 200, listing.toString());
    } else if (path.length >= 3 && path[2].equals("events") && events.containsKey(path[1])) {
      TreeMap<Long, Event> bucket = events.get(path[1]);
      if (path.length == 4 && path[3].equals("count")) {
        respond(exchange, 200, String.valueOf(overlapping(bucket, query).size()));
      } else if (path.length == 4) {
        Event event = bucket.get(Long.parseLong(path[3]));
        respond(exchange, event == null ? 404 : 200,
            event == null ? "{\"message\": \"no such event\"}" : EventJson.write(event).toString());
      } else if (eventsRequestsBeforeFailure-- <= 0) {
        respond(exchange, 500, "{\"message\": \"database is locked\"}");
      } else {
        ArrayNode body = Json.MAPPER.createArrayNode();
        overlapping(bucket, query).forEach(event -> body.add(EventJson.write(clip(event, query))));
        respond(exchange, 200, body.toString());
      }
    } else {
      respond(exchange, 404, "{\"message\": \"not found\"}");
    }
  }

  /** aw-server's range filter: ends at or after start, starts at or before end; newest first. */
  private static List<Event> overlapping(TreeMap<Long, Event> bucket, Map<String, String> query) {
    long start = query.containsKey("start") ? Timestamps.parse(query.get("start")) : Long.MIN_VALUE;
    long end = query.containsKey("end") ? Timestamps.parse(query.get("end")) : Long.MAX_VALUE;
    return bucket.values().stream().filter(event -> event.end() >= start && event.start() <= end)
        .sorted(Comparator.comparingLong(Event::start).reversed()).toList();
  }

  private static Event clip(Event event, Map<String, String> query) {
    long start = query.containsKey("start") ? Timestamps.parse(query.get("start")) : Long.MIN_VALUE;
    long end = query.containsKey("end") ? Timestamps.parse(query.get("end")) : Long.MAX_VALUE;
    return event.withSpan(Math.max(event.start(), start), Math.min(event.end(), end));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        params.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
