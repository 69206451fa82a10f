/**
 * History importers: ActivityWatch (export JSON, aw-server-rust {@code sqlite.db}, the legacy peewee database, and
 * a live aw-server's REST API), Tockler's {@code tracker.db} (knex and drizzle era) and Deskmeter's switch export.
 *
 * <p>Each importer is an {@link dev.deskfeed.importers.Importer}: configure it with its source, then
 * {@link dev.deskfeed.importers.Importer#run run} it into an {@link dev.deskfeed.importers.ImportTarget} (the local
 * store through {@link dev.deskfeed.importers.StoreImportTarget}, later a remote server). Every event carries an
 * origin key derived from its source, so running an import again adds nothing; malformed items are skipped and
 * listed with their position in the {@link dev.deskfeed.importers.ImportReport}. Bucket ids, data shapes and origin
 * keys of every source are listed in {@code deskfeed-importers/IMPORTERS.md}.
 */
package dev.deskfeed.importers;
