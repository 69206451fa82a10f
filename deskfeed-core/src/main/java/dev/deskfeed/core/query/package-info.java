/**
 * ActivityWatch's query language, query2: what {@code POST /api/0/query/} runs.
 *
 * <p>The public surface is {@link dev.deskfeed.core.query.Query2} (compile and run a program),
 * {@link dev.deskfeed.core.query.QueryContext} (what the server supplies: buckets and their events),
 * {@link dev.deskfeed.core.query.Timeperiod} (the {@code "start/end"} strings of a request) and
 * {@link dev.deskfeed.core.query.QueryException}. The lexer, parser, interpreter and the event transforms live
 * in {@code internal} and may change without notice.
 *
 * <p>Semantics follow aw-server-rust (crates aw-query and aw-transform); the few deliberate differences are
 * listed on {@link dev.deskfeed.core.query.Query2}.
 */
package dev.deskfeed.core.query;
