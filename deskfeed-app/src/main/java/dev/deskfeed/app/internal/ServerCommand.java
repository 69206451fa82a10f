package dev.deskfeed.app.internal;

import dev.deskfeed.server.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deskfeed server}: the server alone, for a machine that collects the data of many devices. */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Run the Deskfeed server (API, dashboard, public status) without local capture.")
final class ServerCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store = new StoreOptions();

  @Mixin
  WriterNiceOption writer = new WriterNiceOption();

  @Option(names = "--port", description = "HTTP port (default: 8420, or 5666 with --testing).")
  Integer port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; put a TLS proxy in front for the internet).")
  String bind;

  @Option(names = "--threads", description = "Most HTTP threads (default: 4 per core, at least 8; ingest holds none "
      + "while its write commits).")
  Integer threads;

  @Option(names = "--testing", description = "ActivityWatch testing mode: reported in /api/0/info, port 5666.")
  boolean testing;

  @Override
  public Integer call() throws Exception {
    int chosen = port != null ? port : testing ? ServerConfig.TESTING_PORT : ServerConfig.DEFAULT_PORT;
    ServerConfig config = ServerConfig.defaults().withPort(chosen).withBind(bind).withTesting(testing);
    if (threads != null) {
      config = config.withMaxThreads(threads);
    }
    return ServerRunner.run(store, writer, config, System.out);
  }
}
