package dev.deskfeed.api.activitywatch;

/**
 * What {@code GET /api/0/info} reports, and what {@code "!local"} in a bucket's hostname is replaced with.
 *
 * @param hostname the host name this server or agent runs on
 * @param version the Deskfeed version
 * @param testing ActivityWatch's testing mode (buckets deletable without force)
 * @param deviceId a stable id of this server or agent, as aw-server reports it
 */
public record AwServerInfo(String hostname, String version, boolean testing, String deviceId) {}
