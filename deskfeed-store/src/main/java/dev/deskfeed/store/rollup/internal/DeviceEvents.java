package dev.deskfeed.store.rollup.internal;

import java.util.List;

/**
 * The events of one device over a time range, by role, as read for a sweep. {@code hasWindow} and {@code hasAfk}
 * say whether the device has such buckets at all, which is not the same as having events in the range: a device
 * with an AFK bucket but no AFK events in an hour was not active then (the watcher was not running), while a
 * device without any AFK bucket counts its window time as active.
 */
record DeviceEvents(String device, boolean hasWindow, List<Span> window, boolean hasAfk, List<Span> afk,
    List<Span> web, boolean hasWorkspace, List<Span> workspace, List<Span> task) {}
