package dev.deskfeed.api.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import dev.deskfeed.api.internal.Fields;
import dev.deskfeed.api.internal.JsonViews;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.PairingStore;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.SyncChange;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server side of agent sync and pairing (docs/SYNC.md):
 * {@code GET /api/v1/sync/state?log=ID}, {@code POST /api/v1/sync/push}, {@code POST /api/v1/devices/{name}/pairing}
 * and {@code POST /api/v1/pair}.
 */
public final class SyncApi {

  private final Store store;
  private final Accounts accounts;

  public SyncApi(Store store, Accounts accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  public void register(Router router) {
    router.get("/api/v1/sync/state", this::state)
        .post("/api/v1/sync/push", this::push)
        .post("/api/v1/devices/{name}/pairing", this::newPairingCode)
        .post("/api/v1/pair", this::pair);
  }

  private ApiResponse state(ApiRequest request) {
    Principal principal = ingestPrincipal(request);
    String log = request.queryParam("log").orElseThrow(() ->
        ApiException.badRequest("missing_log", "'log' (the agent's change-log id) is required"));
    ObjectNode answer = Json.object();
    answer.put("device_id", principal.deviceId());
    answer.put("log", log);
    answer.put("acked_seq", store.sync().ackedSeq(principal.deviceId(), log));
    return ApiResponse.ok(answer);
  }

  private ApiResponse push(ApiRequest request) {
    Principal principal = ingestPrincipal(request);
    SyncWire.Batch batch;
    try {
      batch = SyncWire.read(request.json());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_batch", e.getMessage());
    }
    // Local event ids are unique only within one log: prefix them so a recreated agent store cannot overwrite.
    List<SyncChange> changes = new ArrayList<>(batch.changes().size());
    for (SyncChange change : batch.changes()) {
      changes.add(new SyncChange(change.seq(), change.bucket(), batch.logId() + ":" + change.origin(),
          change.event()));
    }
    List<WriteResult.Outcome> outcomes = store.sync().apply(principal.userId(), principal.deviceId(), batch.logId(),
        changes, batch.lastSeq());
    ObjectNode answer = Json.object();
    answer.put("acked_seq", store.sync().ackedSeq(principal.deviceId(), batch.logId()));
    ArrayNode list = answer.putArray("outcomes");
    outcomes.forEach(outcome -> list.add(outcome.name().toLowerCase(Locale.ROOT)));
    return ApiResponse.ok(answer);
  }

  private ApiResponse newPairingCode(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    String name = request.pathParam("name");
    Device device = store.devices().byName(principal.userId(), name)
        .orElseGet(() -> accounts.createDevice(principal.userId(), name, name, "unknown"));
    ObjectNode answer = Json.object();
    answer.put("code", accounts.createPairingCode(principal.userId(), device.id()));
    answer.put("expires", Timestamps.format(Timestamps.nowMicros() + Accounts.PAIRING_MICROS));
    answer.set("device", JsonViews.device(device));
    return ApiResponse.json(201, answer);
  }

  private ApiResponse pair(ApiRequest request) {
    JsonNode body = Fields.requireObject(request.json(), "the body");
    PairingStore.Redeemed redeemed = accounts.redeemPairingCode(Fields.requireString(body, "code"))
        .orElseThrow(() -> new ApiException(401, "invalid_code",
            "the pairing code is unknown, used or expired; make a new one with 'deskfeed device add NAME'"));
    Device device = store.devices().byId(redeemed.deviceId()).orElseThrow();
    Accounts.NewToken token = accounts.createToken(redeemed.userId(), device.id(), Scope.INGEST,
        device.name() + " agent (paired)");
    ObjectNode answer = Json.object();
    answer.put("token", token.secret());
    answer.set("device", JsonViews.device(device));
    return ApiResponse.json(201, answer);
  }

  private static Principal ingestPrincipal(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    if (principal.scope() != Scope.INGEST || principal.deviceId() == null) {
      throw ApiException.forbidden("sync needs the device's ingest token (deskfeed agent pair URL CODE)");
    }
    return principal;
  }
}
