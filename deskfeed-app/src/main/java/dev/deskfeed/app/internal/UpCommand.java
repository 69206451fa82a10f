package dev.deskfeed.app.internal;

import dev.deskfeed.server.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deskfeed up}: everything on this machine with the embedded store, the way a newcomer starts. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Run Deskfeed on this computer with its embedded database.",
        "On the first start it creates your user and prints the password once.",
        "It also records this computer's windows, idle time and workspaces (as 'deskfeed agent' does)",
        "and answers the ActivityWatch API on 127.0.0.1:5600 for watchers, when that port is free."})
final class UpCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store = new StoreOptions();

  @Mixin
  WriterNiceOption writer = new WriterNiceOption();

  @Option(names = "--port", defaultValue = "8420", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    return ServerRunner.run(store, writer, ServerConfig.defaults().withPort(port), System.out, true);
  }
}
