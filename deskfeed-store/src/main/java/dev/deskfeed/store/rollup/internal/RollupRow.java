package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;

/** One row of {@code rollup_hours} as computed: a dimension and an {@link HourRow}. */
record RollupRow(Dimension dimension, HourRow row) {}
