package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.category.Categorizer;
import dev.deskfeed.core.category.DefaultCategories;
import dev.deskfeed.store.rollup.CategoryRules;
import dev.deskfeed.store.rollup.RollupProgress;
import java.util.Optional;

/**
 * {@code GET/PUT /api/v1/dashboard/categories}: the category rules (the {@code classes} setting aw-webui uses, so
 * a rule edited in either UI applies in both). PUT takes the list, or aw-webui's export file
 * ({@code {"categories": [...]}}) to import ActivityWatch's categories; it is validated (every regex compiles)
 * before it is stored. Rules apply retroactively: the answer says how many hours of rollups the background rebuild
 * still has to recompute ({@code rebuild.remaining_hours}); reads meanwhile wait for the hours they need.
 */
final class CategoriesEndpoint {

  private final Dashboard dashboard;

  CategoriesEndpoint(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(answer(Dashboard.reader(request).userId()));
  }

  ApiResponse put(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    JsonNode body = request.json();
    JsonNode categories = body.isObject() && body.has("categories") ? body.get("categories") : body;
    if (!categories.isArray()) {
      throw ApiException.badRequest("invalid_categories",
          "send a list of categories, or aw-webui's export {\"categories\": [...]}");
    }
    try {
      Categorizer.fromSettings(categories);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_categories", e.getMessage());
    }
    dashboard.store.settings().put(principal.userId(), CategoryRules.SETTING, categories);
    dashboard.rollups.maintainer().nudge();
    return ApiResponse.ok(answer(principal.userId()));
  }

  private ObjectNode answer(long userId) {
    Optional<JsonNode> stored = dashboard.store.settings().get(userId, CategoryRules.SETTING)
        .filter(node -> !node.isNull());
    ObjectNode answer = Json.object();
    answer.set("categories", stored.orElseGet(DefaultCategories::settingsJson));
    answer.put("defaults", stored.isEmpty());
    CategoryRules rules = dashboard.rollups.rules(userId);
    rules.problemMessage().ifPresent(problem -> answer.put("problem", problem));
    RollupProgress rebuild = dashboard.rollups.maintainer().categoryRebuild(userId);
    answer.putObject("rebuild").put("remaining_hours", rebuild.remainingHours());
    return answer;
  }
}
