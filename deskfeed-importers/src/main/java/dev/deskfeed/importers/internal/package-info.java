/**
 * How the importers work inside: {@code ImportRun} and {@code TargetWriter} (batching, a background writer
 * thread, counts, problems, progress), one reader per source format, and small helpers ({@code SqliteSource} for
 * opening other programs' live databases read-only, {@code Origins} for the
 * keys that make re-imports harmless). Not API: anything here may change without notice.
 */
package dev.deskfeed.importers.internal;
