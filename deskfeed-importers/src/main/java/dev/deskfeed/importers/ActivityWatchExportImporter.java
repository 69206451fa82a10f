package dev.deskfeed.importers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.internal.AwExportReader;
import dev.deskfeed.importers.internal.ImportRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Imports an ActivityWatch export ({@code GET /api/0/export}, the web UI's "Export all buckets as JSON") streamed
 * with Jackson's parser, so a file of millions of events is never held in memory.
 *
 * <p>Buckets keep their ActivityWatch ids and metadata. Incoming event ids are not kept (they belong to the other
 * server) but become the origin {@code aw:<id>} — the same key the {@code sqlite.db} importer and the REST puller
 * use, so importing an export and pulling from the same server later adds nothing twice. Events without an id are
 * keyed by a hash of their content. A malformed event is skipped with its bucket, index and line; JSON that breaks
 * off keeps everything before the break and throws {@link ImportException} naming the line.
 */
public final class ActivityWatchExportImporter implements Importer {

  private final Path file;
  private final InputStream stream;
  private final String name;

  private ActivityWatchExportImporter(Path file, InputStream stream, String name) {
    this.file = file;
    this.stream = stream;
    this.name = name;
  }

  public static ActivityWatchExportImporter of(Path file) {
    return new ActivityWatchExportImporter(Objects.requireNonNull(file, "file"), null, file.toString());
  }

  /**
   * For an upload: reads {@code stream} once and closes it.
   *
   * @param name what to call it in messages, for example the uploaded file's name
   */
  public static ActivityWatchExportImporter of(InputStream stream, String name) {
    return new ActivityWatchExportImporter(null, Objects.requireNonNull(stream, "stream"), name);
  }

  @Override
  public ImportReport run(ImportTarget target, ProgressListener progress) {
    try (InputStream input = open();
        JsonParser parser = Json.MAPPER.createParser(input);
        ImportRun run = new ImportRun(target, progress, "ActivityWatch export " + name)) {
      try {
        new AwExportReader(parser, run, Timestamps.nowMicros()).read();
      } catch (StreamReadException e) {
        throw run.stopped("line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
      }
      return run.finish();
    } catch (NoSuchFileException e) {
      throw new ImportException("ActivityWatch export " + name + " does not exist", e);
    } catch (IOException e) {
      throw new ImportException("reading ActivityWatch export " + name + " failed: " + e.getMessage(), e);
    }
  }

  private InputStream open() throws IOException {
    if (stream != null) {
      return stream;
    }
    return Files.newInputStream(file);
  }
}
