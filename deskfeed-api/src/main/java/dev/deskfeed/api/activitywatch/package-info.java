/**
 * ActivityWatch's REST API, {@code /api/0}, so that stock watchers, aw-client (Python), aw-client-js and aw-webui
 * work against Deskfeed unchanged.
 *
 * <p>The public surface is {@link dev.deskfeed.api.activitywatch.ActivityWatchApi} (the router over a store),
 * {@link dev.deskfeed.api.activitywatch.AwServerInfo} (what {@code /api/0/info} reports), and two pure checks every
 * HTTP front end applies before the router: {@link dev.deskfeed.api.activitywatch.CorsPolicy} (which browser
 * origins may call) and {@link dev.deskfeed.api.activitywatch.HostCheck} (DNS-rebinding defence on loopback).
 * The endpoints live in {@code internal}, one file per group: buckets, events (with the heartbeat), export, import
 * (with its multipart reader), settings and query.
 *
 * <p>Behaviour follows aw-server-rust 0.14; where Deskfeed deliberately differs (status codes of a few errors, the
 * import report, permissions per token) the endpoint's Javadoc says so and why.
 */
package dev.deskfeed.api.activitywatch;
