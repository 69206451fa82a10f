package dev.deskfeed.api.dashboard;

import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;

/**
 * {@code GET/PUT /api/v1/dashboard/settings}: time zone, start of day and week, daily goal, work and personal
 * categories, work schedule. PUT takes any subset and needs an admin principal (a session or an admin token); a
 * bad value is a 400 naming it and nothing is stored.
 */
final class SettingsEndpoint {

  private final Dashboard dashboard;

  SettingsEndpoint(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse get(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    return ApiResponse.ok(dashboard.settings(userId).toJson());
  }

  ApiResponse put(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    try {
      DashboardSettings.save(dashboard.store.settings(), principal.userId(), request.json());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_setting", e.getMessage());
    }
    return ApiResponse.ok(dashboard.settings(principal.userId()).toJson());
  }
}
