/**
 * Live presence: which of a user's devices are online, idle or offline, since when, and what is in front of them.
 *
 * <p>{@link dev.deskfeed.core.presence.PresenceTracker} is the one place where presence is decided; it is fed by
 * the server (heartbeats, goodbyes, a periodic sweep, a rebuild from the store at start) and tells a
 * {@link dev.deskfeed.core.presence.PresenceListener} about visible changes. Everything here is the owner's
 * unfiltered view; {@code dev.deskfeed.core.privacy} turns it into what the public may see. Pure Java, no I/O.
 */
package dev.deskfeed.core.presence;
