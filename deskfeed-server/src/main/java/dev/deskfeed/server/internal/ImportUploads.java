package dev.deskfeed.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Authenticator;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Json;
import dev.deskfeed.importers.ActivityWatchDatabaseImporter;
import dev.deskfeed.importers.ActivityWatchExportImporter;
import dev.deskfeed.importers.DeskmeterImporter;
import dev.deskfeed.importers.ImportReport;
import dev.deskfeed.importers.Importer;
import dev.deskfeed.importers.StoreImportTarget;
import dev.deskfeed.importers.TocklerImporter;
import dev.deskfeed.store.Store;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports uploaded through the API ({@code POST /api/v1/imports?kind=tockler|activitywatch|deskmeter}): the body
 * is streamed to a temporary file (a Tockler database can be hundreds of megabytes), imported in the background one
 * at a time, and followed with {@code GET /api/v1/imports/{id}}, which reports counts while it runs.
 */
public final class ImportUploads {

  private static final Logger LOG = LoggerFactory.getLogger(ImportUploads.class);

  private final Store store;
  private final Authenticator authenticator;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "deskfeed-import");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /**
   * Where uploads wait for their import, one file each, deleted when its import ends or fails or when the upload
   * does not arrive whole; {@link #close()} empties and deletes it. Made at the first upload, as most servers never
   * get one (and a server killed with none leaves nothing behind).
   */
  private Path directory;

  public ImportUploads(Store store, Authenticator authenticator) {
    this.store = store;
    this.authenticator = authenticator;
  }

  /** Where uploads wait for their import (in the system's temporary directory); empty when none is waiting. */
  public synchronized Path directory() throws IOException {
    if (directory == null) {
      directory = Files.createTempDirectory("deskfeed-uploads-");
    }
    return directory;
  }

  public void upload(Context ctx) {
    try {
      Principal principal = principal(ctx);
      Kind kind = Kind.of(ctx.queryParam("kind")); // before anything is written: the name of the file says it
      String hostname = ctx.queryParam("hostname") != null ? ctx.queryParam("hostname") : "imported";
      Path file = Files.createTempFile(directory(), "upload-", "." + kind.wire);
      Job job = new Job(ids.incrementAndGet(), principal.userId(), kind.wire);
      try {
        try (InputStream body = ctx.req().getInputStream()) {
          Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        Importer importer = importer(kind, file, hostname);
        worker.submit(() -> run(job, importer, file, principal));
      } catch (Exception | Error e) {
        // The body ended early (the client went away), or the server is stopping and takes no more imports:
        // nothing will read the file.
        deleteQuietly(file);
        throw e;
      }
      jobs.put(job.id, job);
      ApiBridge.write(ctx, ApiResponse.json(202, job.toJson()));
    } catch (Exception e) {
      ApiBridge.write(ctx, ApiErrors.toResponse(e, ApiErrors.Shape.NATIVE, "POST", ctx.path()));
    }
  }

  public void status(Context ctx) {
    try {
      Principal principal = principal(ctx);
      Job job = jobs.get(parseId(ctx.pathParam("id")));
      if (job == null || job.userId != principal.userId()) {
        throw ApiException.notFound("no import " + ctx.pathParam("id"));
      }
      ApiBridge.write(ctx, ApiResponse.ok(job.toJson()));
    } catch (Exception e) {
      ApiBridge.write(ctx, ApiErrors.toResponse(e, ApiErrors.Shape.NATIVE, "GET", ctx.path()));
    }
  }

  private void run(Job job, Importer importer, Path file, Principal principal) {
    try {
      job.report = importer.run(new StoreImportTarget(store, principal.userId(), principal.deviceId()),
          (done, total) -> {
            job.done = done;
            job.total = total;
          });
      job.state = "done";
    } catch (RuntimeException e) {
      job.error = e.getMessage();
      job.state = "failed";
    } finally {
      deleteQuietly(file);
    }
  }

  /** What an upload may be: the {@code kind} parameter is its name in lower case. */
  private enum Kind {
    TOCKLER, ACTIVITYWATCH, DESKMETER;

    final String wire = name().toLowerCase(Locale.ROOT);

    static Kind of(String given) {
      if (given == null) {
        throw ApiException.badRequest("missing_kind", "say what the file is: ?kind=" + names("|"));
      }
      String wanted = given.toLowerCase(Locale.ROOT);
      for (Kind kind : values()) {
        if (kind.wire.equals(wanted)) {
          return kind;
        }
      }
      throw ApiException.badRequest("invalid_kind", "unknown import kind '" + given + "': use one of " + names(", "));
    }

    private static String names(String separator) {
      return Arrays.stream(values()).map(kind -> kind.wire).collect(Collectors.joining(separator));
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete the uploaded import {}: {}; delete it by hand", file, e.getMessage());
    }
  }

  private static Importer importer(Kind kind, Path file, String hostname) throws IOException {
    return switch (kind) {
      case TOCKLER -> new TocklerImporter(file, hostname);
      case DESKMETER -> DeskmeterImporter.of(file, hostname);
      case ACTIVITYWATCH -> isSqlite(file) ? new ActivityWatchDatabaseImporter(file)
          : ActivityWatchExportImporter.of(file);
    };
  }

  private static boolean isSqlite(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(16);
      return new String(header, java.nio.charset.StandardCharsets.US_ASCII).startsWith("SQLite format 3");
    }
  }

  private Principal principal(Context ctx) {
    Map<String, String> headers = new java.util.HashMap<>();
    ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    Principal principal = authenticator.authenticate(headers).orElseThrow(() -> new ApiException(401,
        "unauthorized", "authentication required: a session, or an ingest or admin token"));
    if (!principal.canAdminister() && principal.deviceId() == null) {
      throw ApiException.forbidden("importing needs an admin token, a session, or a device's ingest token");
    }
    return principal;
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_id", "import id must be a number");
    }
  }

  /** Stops the import that runs (it ends at its next batch) and drops those waiting, with their files. */
  public void close() {
    worker.shutdownNow();
    Path made;
    synchronized (this) {
      made = directory;
    }
    if (made == null) {
      return; // nothing was ever uploaded
    }
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("an import did not stop within 10 s; its upload in {} is deleted under it", made);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> left = Files.list(made)) {
      left.forEach(ImportUploads::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("could not list the upload directory {}: {}", made, e.getMessage());
    }
    deleteQuietly(made);
  }

  private static final class Job {
    final long id;
    final long userId;
    final String kind;
    volatile String state = "running";
    volatile long done;
    volatile long total = -1;
    volatile ImportReport report;
    volatile String error;

    Job(long id, long userId, String kind) {
      this.id = id;
      this.userId = userId;
      this.kind = kind;
    }

    ObjectNode toJson() {
      ObjectNode node = Json.object();
      node.put("id", id);
      node.put("kind", kind);
      node.put("state", state);
      node.put("done", done);
      node.put("total", total);
      if (report != null) {
        node.put("read", report.read());
        node.put("inserted", report.written().inserted());
        node.put("updated", report.written().updated());
        node.put("unchanged", report.written().unchanged());
        node.put("skipped", report.skipped());
        node.put("summary", report.summary());
        var problems = node.putArray("problems");
        report.problems().stream().limit(100).forEach(problem -> problems.add(problem.toString()));
      }
      if (error != null) {
        node.put("error", error);
      }
      return node;
    }
  }
}
