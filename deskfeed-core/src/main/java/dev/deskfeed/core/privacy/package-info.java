/**
 * The privacy projection: what of a user's live presence the public may see.
 *
 * <p>{@link dev.deskfeed.core.privacy.PrivacyRules} are the user's rules (stored as JSON in settings);
 * {@link dev.deskfeed.core.privacy.PublicProjection} applies them to a
 * {@link dev.deskfeed.core.presence.UserPresence} and yields a {@link dev.deskfeed.core.privacy.PublicPresence},
 * the only thing public endpoints may serialize; {@link dev.deskfeed.core.privacy.LanyardView} dresses that as
 * Lanyard's presence object. Pure Java, no I/O.
 */
package dev.deskfeed.core.privacy;
