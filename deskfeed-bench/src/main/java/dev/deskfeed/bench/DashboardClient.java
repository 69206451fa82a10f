package dev.deskfeed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import dev.deskfeed.api.dashboard.DashboardApi;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.rollup.RollupStore;
import dev.deskfeed.store.rollup.Rollups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard benchmark's client: the store, its rollups and the dashboard API, called the way the server calls
 * it (a reader's principal, parsed query, the one router), without HTTP, so the figures are the API's own.
 */
final class DashboardClient implements AutoCloseable {
  final Store store;
  final RollupStore rollups;
  final Router router;
  final Principal reader;

  DashboardClient(Path data) {
    StoreConfig config = StoreConfig.sqlite(data);
    store = Store.open(config);
    rollups = Rollups.open(store, config);
    router = new DashboardApi(store, rollups, DashboardBenchmark.ZONE, Clock.system(ZoneOffset.UTC)).router();
    reader = new Principal(store.users().all().get(0).id(), null, Scope.READ, null);
  }

  ApiResponse call(String pathAndQuery) throws Exception {
    int question = pathAndQuery.indexOf('?');
    Map<String, List<String>> query = new HashMap<>();
    if (question >= 0) {
      for (String pair : pathAndQuery.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        query.computeIfAbsent(pair.substring(0, equals), k -> new ArrayList<>()).add(pair.substring(equals + 1));
      }
    }
    ApiResponse response = router.dispatch(new ApiRequest("GET", question < 0 ? pathAndQuery
        : pathAndQuery.substring(0, question), query, Map.of(), new byte[0], reader, Map.of()));
    if (response.status() != 200) {
      throw new IllegalStateException(pathAndQuery + " answered " + response.status());
    }
    return response;
  }

  /** The answer without its "source" field, to compare the rollup and raw answers. */
  JsonNode answer(String path) throws Exception {
    ObjectNode answer = (ObjectNode) Json.parse(new String(call(path).body(), StandardCharsets.UTF_8));
    answer.remove("source");
    return answer;
  }

  double warm(String path, int rounds) throws Exception {
    for (int i = 0; i < Math.min(3, rounds); i++) {
      call(path);
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long started = System.nanoTime();
      call(path);
      times.add(Medians.millisSince(started));
    }
    return Medians.median(times);
  }

  @Override
  public void close() {
    rollups.close();
    store.close();
  }
}
