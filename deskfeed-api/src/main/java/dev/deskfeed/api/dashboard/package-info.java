/**
 * The dashboard's JSON API under {@code /api/v1/dashboard}: one class per view (calendar, daily hours, top lists,
 * timeline, switches, month calendar, work/personal split, today) plus settings and categories, registered by
 * {@link dev.deskfeed.api.dashboard.DashboardApi}. Long ranges read rollups, a day or less raw events; both answer
 * alike for the same range. Endpoints are listed in docs/ROLLUPS.md.
 */
package dev.deskfeed.api.dashboard;
