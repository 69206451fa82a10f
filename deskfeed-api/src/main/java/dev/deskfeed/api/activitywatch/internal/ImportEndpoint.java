package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/0/import}: an ActivityWatch export, sent as the JSON body (aw-client) or as the form field
 * {@code buckets.json} of a {@code multipart/form-data} upload (aw-webui; aw-server-rust also reads the field
 * {@code buckets}).
 *
 * <p>aw-server-rust answers an empty 200. We answer 200 with a report instead, which its clients ignore: per bucket
 * whether it was created and how many events were imported, were duplicates or were skipped as malformed, and the
 * first {@value #MAX_REPORTED} skipped events with the reason, so a person can see what was lost.
 */
public final class ImportEndpoint {

  static final int MAX_REPORTED = 100;
  private static final List<String> FIELD_NAMES = List.of("buckets.json", "buckets");
  private static final Logger LOG = LoggerFactory.getLogger(ImportEndpoint.class);

  private final Store store;

  public ImportEndpoint(Store store) {
    this.store = store;
  }

  public ApiResponse handle(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    if (principal.scope() == Scope.READ) {
      throw ApiException.forbidden("read tokens cannot import; use an admin token");
    }
    JsonNode buckets = document(request).get("buckets");
    if (buckets == null || !buckets.isObject()) {
      throw ApiException.badRequest("invalid_import", "an import is an export document: {\"buckets\": {id: bucket}}");
    }
    long now = Timestamps.nowMicros();
    List<BucketImport> imports = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = buckets.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      imports.add(BucketImport.parse(entry.getKey(), entry.getValue(), now));
    }
    imports.forEach(bucket -> bucket.checkWritable(store, principal));
    ObjectNode report = Json.object();
    ObjectNode perBucket = report.putObject("buckets");
    ArrayNode skippedList = report.putArray("skipped_events");
    for (BucketImport bucket : imports) {
      BucketImport.Outcome outcome = bucket.write(store, principal);
      ObjectNode node = perBucket.putObject(bucket.id());
      node.put("created", outcome.created());
      node.put("imported", outcome.imported());
      node.put("duplicates", outcome.duplicates());
      node.put("skipped", bucket.skipped().size());
      for (BucketImport.Skipped skipped : bucket.skipped()) {
        if (skippedList.size() < MAX_REPORTED) {
          skippedList.addObject().put("bucket", bucket.id()).put("index", skipped.index())
              .put("message", skipped.message());
        }
      }
      if (!bucket.skipped().isEmpty()) {
        LOG.warn("import into bucket '{}' skipped {} malformed events, the first: event {}: {}", bucket.id(),
            bucket.skipped().size(), bucket.skipped().get(0).index(), bucket.skipped().get(0).message());
      }
    }
    return ApiResponse.ok(report);
  }

  private static JsonNode document(ApiRequest request) {
    String contentType = request.header("content-type").orElse("");
    if (!Multipart.isMultipart(contentType)) {
      return request.json();
    }
    List<Multipart.Part> parts = Multipart.parse(request.body(), contentType);
    for (String name : FIELD_NAMES) {
      for (Multipart.Part part : parts) {
        if (name.equals(part.name())) {
          try {
            return Json.parse(new String(part.content(), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed_json", "form field '" + name + "': " + e.getMessage());
          }
        }
      }
    }
    throw ApiException.badRequest("missing_field", "the upload needs a form field named 'buckets.json'; it has "
        + parts.stream().map(part -> "'" + part.name() + "'").collect(Collectors.joining(", ", "[", "]")));
  }
}
