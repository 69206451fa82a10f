/**
 * Rollups: active time per user, UTC hour, dimension (app, title, category, workspace, task, domain, total),
 * device and key, so ranges longer than a day read a few thousand rows instead of a million events.
 *
 * <p>{@link dev.deskfeed.store.rollup.RollupStore} reads them (and computes the same rows from raw events);
 * {@link dev.deskfeed.store.rollup.RollupMaintainer} keeps them in step with the event writer's dirty marks and with
 * category rule changes. Create one with {@link dev.deskfeed.store.rollup.Rollups}. The definition of active time,
 * the maintenance protocol and the trade-offs are in docs/ROLLUPS.md.
 */
package dev.deskfeed.store.rollup;
