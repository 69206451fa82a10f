package dev.deskfeed.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.internal.BatchIngest;
import dev.deskfeed.api.internal.BucketAccess;
import dev.deskfeed.api.internal.Fields;
import dev.deskfeed.api.internal.JsonViews;
import dev.deskfeed.api.dashboard.DashboardApi;
import dev.deskfeed.api.sync.SyncApi;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.BucketStore;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.util.List;
import java.util.Optional;

/**
 * Deskfeed's own API under {@code /api/v1}: sessions, devices, tokens, buckets, batched ingest and reads. See
 * docs/API.md for every endpoint. All of it needs a bearer token or a session, except login.
 */
public final class NativeApi {

  private final Store store;
  private final Accounts accounts;
  private final Authenticator authenticator;
  private final BatchIngest ingest;
  private final Router router = new Router();

  public NativeApi(Store store, Accounts accounts, Authenticator authenticator) {
    this.store = store;
    this.accounts = accounts;
    this.authenticator = authenticator;
    this.ingest = new BatchIngest(store);
    router.post("/api/v1/auth/login", this::login)
        .post("/api/v1/auth/logout", this::logout)
        .get("/api/v1/me", this::me)
        .get("/api/v1/devices", this::listDevices)
        .post("/api/v1/devices", this::createDevice)
        .get("/api/v1/tokens", this::listTokens)
        .post("/api/v1/tokens", this::createToken)
        .delete("/api/v1/tokens/{id}", this::revokeToken)
        .get("/api/v1/buckets", this::listBuckets)
        .post("/api/v1/buckets", this::createBucket)
        .get("/api/v1/buckets/{bucket}/events", this::readEvents)
        .postAsync("/api/v1/heartbeats", ingest::heartbeats)
        .postAsync("/api/v1/events", ingest::events);
    new SyncApi(store, accounts).register(router);
    new DashboardApi(store, store.rollups()).register(router);
  }

  public Router router() {
    return router;
  }

  private ApiResponse login(ApiRequest request) {
    JsonNode body = Fields.requireObject(request.json(), "the body");
    String name = Fields.requireString(body, "user");
    String password = Fields.requireString(body, "password");
    Optional<String> session = accounts.login(name, password);
    if (session.isEmpty()) {
      throw new ApiException(401, "invalid_login", "wrong user name or password");
    }
    ObjectNode answer = Json.object();
    answer.put("user", name);
    return ApiResponse.ok(answer).withHeader("Set-Cookie", Authenticator.SESSION_COOKIE + "=" + session.get()
        + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + Accounts.SESSION_MICROS / Timestamps.MICROS_PER_SECOND);
  }

  private ApiResponse logout(ApiRequest request) {
    request.header("cookie").map(header -> cookieValue(header)).ifPresent(accounts::logout);
    return ApiResponse.empty(204).withHeader("Set-Cookie",
        Authenticator.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  }

  private static String cookieValue(String header) {
    String value = Authenticator.cookie(header, Authenticator.SESSION_COOKIE);
    return value == null ? "" : value;
  }

  private ApiResponse me(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    User user = store.users().byId(principal.userId()).orElseThrow(() -> ApiException.notFound("no such user"));
    ObjectNode answer = Json.object();
    answer.put("user", user.name());
    answer.put("scope", principal.scope().wireName());
    if (principal.deviceId() != null) {
      answer.put("device_id", principal.deviceId());
    }
    return ApiResponse.ok(answer);
  }

  private ApiResponse listDevices(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (Device device : store.devices().ofUser(principal.userId())) {
      if (principal.canRead() || device.id() == principal.deviceId()) {
        list.add(JsonViews.device(device));
      }
    }
    ObjectNode answer = Json.object();
    answer.set("devices", list);
    return ApiResponse.ok(answer);
  }

  private ApiResponse createDevice(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    JsonNode body = Fields.requireObject(request.json(), "the body");
    Device device = accounts.createDevice(principal.userId(), Fields.requireString(body, "name"),
        Fields.optionalString(body, "hostname"), Fields.optionalString(body, "os"));
    return ApiResponse.json(201, JsonViews.device(device));
  }

  private ApiResponse listTokens(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    ArrayNode list = Json.MAPPER.createArrayNode();
    store.tokens().ofUser(principal.userId()).forEach(token -> list.add(JsonViews.token(token)));
    ObjectNode answer = Json.object();
    answer.set("tokens", list);
    return ApiResponse.ok(answer);
  }

  private ApiResponse createToken(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    JsonNode body = Fields.requireObject(request.json(), "the body");
    Scope scope;
    try {
      scope = Scope.parse(Fields.requireString(body, "scope"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_scope", e.getMessage());
    }
    String deviceName = Fields.optionalString(body, "device");
    Long deviceId = null;
    if (deviceName != null) {
      deviceId = store.devices().byName(principal.userId(), deviceName)
          .orElseThrow(() -> ApiException.notFound("no device '" + deviceName + "'")).id();
    }
    Accounts.NewToken created = accounts.createToken(principal.userId(), deviceId, scope,
        Fields.optionalString(body, "name"));
    ObjectNode answer = JsonViews.token(created.token());
    answer.put("token", created.secret());
    return ApiResponse.json(201, answer);
  }

  private ApiResponse revokeToken(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    long id;
    try {
      id = Long.parseLong(request.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_id", "token id must be a number");
    }
    Optional<ApiToken> token = store.tokens().ofUser(principal.userId()).stream()
        .filter(t -> t.id() == id).findFirst();
    if (token.isEmpty() || !store.tokens().revoke(principal.userId(), id)) {
      throw ApiException.notFound("no active token " + id);
    }
    authenticator.forget(token.get().hash());
    return ApiResponse.empty(204);
  }

  private ApiResponse listBuckets(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (StoredBucket bucket : store.buckets().ofUser(principal.userId())) {
      if (principal.canRead() || (bucket.deviceId() != null && bucket.deviceId().equals(principal.deviceId()))) {
        list.add(JsonViews.bucket(bucket));
      }
    }
    ObjectNode answer = Json.object();
    answer.set("buckets", list);
    return ApiResponse.ok(answer);
  }

  private ApiResponse createBucket(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    if (principal.scope() == Scope.READ) {
      throw ApiException.forbidden("read tokens cannot create buckets");
    }
    JsonNode body = Fields.requireObject(request.json(), "the body");
    JsonNode data = body.get("data");
    if (data != null && !data.isNull() && !data.isObject()) {
      throw ApiException.badRequest("invalid_field", "'data' must be a JSON object");
    }
    Bucket bucket = new Bucket(Fields.requireString(body, "id"), Fields.requireString(body, "type"),
        Fields.requireString(body, "client"), Fields.requireString(body, "hostname"), Timestamps.nowMicros(),
        data == null || data.isNull() ? Json.object() : (ObjectNode) data);
    BucketStore.Created created = store.buckets().create(principal.userId(), principal.deviceId(), bucket);
    if (!created.created()) {
      principal.requireWrite(created.bucket());
    }
    ObjectNode answer = Json.object();
    answer.put("created", created.created());
    answer.set("bucket", JsonViews.bucket(created.bucket()));
    return ApiResponse.json(created.created() ? 201 : 200, answer);
  }

  private ApiResponse readEvents(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    StoredBucket bucket = new BucketAccess(store, principal).forRead(request.pathParam("bucket"));
    Long start = Fields.time("start", request.queryParam("start").orElse(null));
    Long end = Fields.time("end", request.queryParam("end").orElse(null));
    int limit = Fields.limit(request.queryParam("limit").orElse(null));
    List<Event> events = store.events().range(bucket.row(), start, end, limit);
    ArrayNode list = Json.MAPPER.createArrayNode();
    events.forEach(event -> list.add(EventJson.write(event)));
    ObjectNode answer = Json.object();
    answer.put("bucket", bucket.id());
    answer.set("events", list);
    return ApiResponse.ok(answer);
  }
}
