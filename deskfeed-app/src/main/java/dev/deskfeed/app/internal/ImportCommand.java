package dev.deskfeed.app.internal;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.importers.ActivityWatchDatabaseImporter;
import dev.deskfeed.importers.ActivityWatchExportImporter;
import dev.deskfeed.importers.ActivityWatchPuller;
import dev.deskfeed.importers.DeskmeterImporter;
import dev.deskfeed.importers.HttpImportTarget;
import dev.deskfeed.importers.ImportProblem;
import dev.deskfeed.importers.ImportReport;
import dev.deskfeed.importers.ImportTarget;
import dev.deskfeed.importers.Importer;
import dev.deskfeed.importers.StoreImportTarget;
import dev.deskfeed.importers.TocklerImporter;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deskfeed import activitywatch|tockler|deskmeter SOURCE}: history into a local store or to a server. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import history. Running an import again adds nothing; a pull continues where it stopped.",
        "Into the local store (--data/--db), or to a server (--server URL --token INGEST_TOKEN)."},
    subcommands = {ImportCommand.ActivityWatch.class, ImportCommand.Tockler.class, ImportCommand.Deskmeter.class})
final class ImportCommand {

  /** Where imported data goes, shared by the three sources. */
  static final class Destination {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--server", paramLabel = "URL", description = "Import to this Deskfeed server instead.")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The server's ingest token for this device.")
    String token;

    @Option(names = "--user", paramLabel = "NAME", description = "Local store: the owner (default: the only user).")
    String user;

    @Option(names = "--device", paramLabel = "NAME",
        description = "Local store: the device the history belongs to (registered on first use).")
    String device;

    int run(Importer importer) {
      if (server != null) {
        if (token == null) {
          throw new IllegalArgumentException("--server needs --token (deskfeed token create ... --scope ingest)");
        }
        Path state = store.data.resolve("import-state-" + Integer.toHexString(server.toString().hashCode()) + ".json");
        return report(importer, new HttpImportTarget(server, token, state));
      }
      try (Store opened = store.open()) {
        User owner = DeviceCommand.user(opened, user);
        Long deviceId = device == null ? null : new Accounts(opened).deviceOrCreate(owner.id(), device).id();
        return report(importer, new StoreImportTarget(opened, owner.id(), deviceId));
      }
    }

    private static int report(Importer importer, ImportTarget target) {
      ProgressBar progress = ProgressBar.onStderr();
      ImportReport report = importer.run(target, progress);
      progress.finish();
      List<ImportProblem> problems = report.problems();
      for (ImportProblem problem : problems.subList(0, Math.min(problems.size(), 20))) {
        System.err.println("skipped " + problem);
      }
      if (problems.size() > 20) {
        System.err.println("... and " + (problems.size() - 20) + " more skipped");
      }
      System.out.println(report.summary() + " -> " + target.describe());
      return 0;
    }
  }

  @Command(name = "activitywatch", mixinStandardHelpOptions = true,
      description = {"SOURCE: a running aw-server (http://127.0.0.1:5600), an export (.json),",
          "or aw-server-rust's sqlite.db / aw-server's peewee-sqlite.v2.db."})
  static final class ActivityWatch implements Callable<Integer> {
    @Mixin
    Destination destination = new Destination();

    @Parameters(paramLabel = "SOURCE", defaultValue = "http://127.0.0.1:5600")
    String source;

    @Option(names = "--bucket", paramLabel = "ID", description = "Pull only these buckets (repeatable).")
    List<String> buckets;

    @Option(names = "--api-key", paramLabel = "KEY", description = "aw-server's API key, if it has one.")
    String apiKey;

    @Override
    public Integer call() {
      Importer importer;
      if (source.startsWith("http://") || source.startsWith("https://")) {
        ActivityWatchPuller puller = ActivityWatchPuller.from(URI.create(source));
        if (buckets != null) {
          puller = puller.withBuckets(buckets);
        }
        importer = apiKey == null ? puller : puller.withApiKey(apiKey);
      } else if (source.endsWith(".json")) {
        importer = ActivityWatchExportImporter.of(Path.of(source));
      } else {
        importer = new ActivityWatchDatabaseImporter(Path.of(source));
      }
      return destination.run(importer);
    }
  }

  @Command(name = "tockler", mixinStandardHelpOptions = true,
      description = "SOURCE: Tockler's tracker.db (it may be running; the file is only read).")
  static final class Tockler implements Callable<Integer> {
    @Mixin
    Destination destination = new Destination();

    @Parameters(paramLabel = "SOURCE")
    Path source;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Host name for the buckets (default: this one).")
    String hostname;

    @Override
    public Integer call() {
      return destination.run(new TocklerImporter(source, Hostnames.orLocal(hostname)));
    }
  }

  @Command(name = "deskmeter", mixinStandardHelpOptions = true,
      description = "SOURCE: switches exported with mongoexport --collection switch --jsonArray.")
  static final class Deskmeter implements Callable<Integer> {
    @Mixin
    Destination destination = new Destination();

    @Parameters(paramLabel = "SOURCE")
    Path source;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Host name for the bucket (default: this one).")
    String hostname;

    @Override
    public Integer call() {
      return destination.run(DeskmeterImporter.of(source, Hostnames.orLocal(hostname)));
    }
  }
}
