package dev.deskfeed.importers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.internal.DeskmeterReader;
import dev.deskfeed.importers.internal.Hostnames;
import dev.deskfeed.importers.internal.ImportRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Imports Deskmeter's workspace switches exported with
 * {@code mongoexport --collection switch --jsonArray} (one document per line works too) into the bucket
 * {@code deskmeter-workspace_HOST} of type {@code workspace}: one event per switch, data {@code {name, task?}}
 * ({@code taskId} when the switch references a task document), origin {@code deskmeter:<$oid>}. Dates may be
 * relaxed ({@code {"$date": "2024-01-01T10:00:00Z"}}) or canonical ({@code {"$date": {"$numberLong": "..."}}}).
 */
public final class DeskmeterImporter implements Importer {

  private final Path file;
  private final InputStream stream;
  private final String name;
  private final String hostname;

  private DeskmeterImporter(Path file, InputStream stream, String name, String hostname) {
    this.file = file;
    this.stream = stream;
    this.name = name;
    this.hostname = Hostnames.orLocal(hostname);
  }

  /** @param hostname the computer Deskmeter ran on (switch documents do not say); null for this machine */
  public static DeskmeterImporter of(Path file, String hostname) {
    return new DeskmeterImporter(Objects.requireNonNull(file, "file"), null, file.toString(), hostname);
  }

  /** For an upload: reads {@code stream} once and closes it. */
  public static DeskmeterImporter of(InputStream stream, String name, String hostname) {
    return new DeskmeterImporter(null, Objects.requireNonNull(stream, "stream"), name, hostname);
  }

  public String bucketId() {
    return "deskmeter-workspace_" + hostname;
  }

  @Override
  public ImportReport run(ImportTarget target, ProgressListener progress) {
    long now = Timestamps.nowMicros();
    Bucket bucket = new Bucket(bucketId(), "workspace", "deskmeter", hostname, now,
        JsonNodeFactory.instance.objectNode());
    try (InputStream input = stream != null ? stream : Files.newInputStream(file);
        JsonParser parser = Json.MAPPER.createParser(input);
        ImportRun run = new ImportRun(target, progress, "Deskmeter switches " + name)) {
      try {
        new DeskmeterReader(parser, run, bucket).read();
      } catch (StreamReadException e) {
        throw run.stopped("line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
      }
      return run.finish();
    } catch (NoSuchFileException e) {
      throw new ImportException("Deskmeter export " + name + " does not exist", e);
    } catch (IOException e) {
      throw new ImportException("reading Deskmeter export " + name + " failed: " + e.getMessage(), e);
    }
  }
}
