/**
 * Categories: the user's hierarchy of named activities ({@code ["Work", "Programming"]}) and the rules that put
 * an event into one of them.
 *
 * <p>The same matcher serves the query2 {@code categorize} and {@code tag} functions and the dashboard, so an
 * event lands in the same category wherever it is looked at. The rules and their tie-breaking follow
 * ActivityWatch (aw-server-rust's classify transform and aw-webui's category settings).
 */
package dev.deskfeed.core.category;
