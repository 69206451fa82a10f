package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.internal.Fields;
import dev.deskfeed.core.query.Query2;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.Timeperiod;
import dev.deskfeed.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/0/query/}: runs a query2 program once per time period, {@code {"timeperiods": ["start/end", ...],
 * "query": ["stmt;", ...]}}, and answers one result per period.
 *
 * <p>A program that fails (parse error, unknown bucket, wrong types) answers 400 with {@code {"message": "line N:
 * ..."}}. aw-server-rust answers 500 with its message; aw-webui shows the message either way, and a broken query is
 * the caller's mistake, not the server's, so it must not show up as a server failure in our metrics.
 */
public final class QueryEndpoint {

  private final Store store;

  public QueryEndpoint(Store store) {
    this.store = store;
  }

  public ApiResponse handle(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireRead();
    JsonNode body = Fields.requireObject(request.json(), "the query request");
    List<Timeperiod> periods = periods(body.get("timeperiods"));
    String program = Query2.join(lines(body.get("query")));
    try {
      return ApiResponse.ok(Query2.runAll(program, periods, new StoreQueryContext(store, principal)));
    } catch (QueryException e) {
      throw ApiException.badRequest("query_failed", e.getMessage());
    }
  }

  private static List<Timeperiod> periods(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw ApiException.badRequest("missing_field", "'timeperiods' must be a list of \"start/end\" strings");
    }
    List<Timeperiod> periods = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        throw ApiException.badRequest("invalid_field", "timeperiods[" + i + "] must be a \"start/end\" string");
      }
      try {
        periods.add(Timeperiod.parse(item.asText()));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid_field", "timeperiods[" + i + "]: " + e.getMessage());
      }
    }
    return periods;
  }

  /** aw-server takes a list of lines; a single string is accepted too, as a one-line list. */
  private static List<String> lines(JsonNode node) {
    if (node != null && node.isTextual()) {
      return List.of(node.asText());
    }
    if (node == null || !node.isArray()) {
      throw ApiException.badRequest("missing_field", "'query' must be a list of query2 statements");
    }
    List<String> lines = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw ApiException.badRequest("invalid_field", "query[" + i + "] must be a string");
      }
      lines.add(node.get(i).asText());
    }
    return lines;
  }
}
