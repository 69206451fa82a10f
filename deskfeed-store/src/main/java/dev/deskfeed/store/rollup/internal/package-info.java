/**
 * How rollups are computed and maintained: the sweep that defines active time ({@code ActivitySweep}), the
 * per-hour totals, the locked maintenance transaction that consumes dirty marks ({@code RollupDatabase},
 * {@code Maintenance}), and the SQL on the rollup tables. Not API: use {@link dev.deskfeed.store.rollup}.
 */
package dev.deskfeed.store.rollup.internal;
