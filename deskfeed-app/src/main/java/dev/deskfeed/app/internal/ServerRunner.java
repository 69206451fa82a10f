package dev.deskfeed.app.internal;

import dev.deskfeed.agent.Agent;
import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Runs the server until the process is asked to stop, then stops taking requests and closes the store, which lets
 * the writer commit everything it acknowledged. Shared by {@code deskfeed up} and {@code deskfeed server}.
 */
final class ServerRunner {

  private ServerRunner() {}

  static int run(StoreOptions storeOptions, WriterNiceOption writer, ServerConfig config, PrintStream out)
      throws InterruptedException {
    return run(storeOptions, writer, config, out, false);
  }

  /**
   * @param withCapture also record this computer's activity into the server's own store ({@code deskfeed up}): the
   *     agent runs embedded, writing straight to the store with no HTTP hop and no sync
   */
  static int run(StoreOptions storeOptions, WriterNiceOption writer, ServerConfig config, PrintStream out,
      boolean withCapture) throws InterruptedException {
    Store store = storeOptions.open(writer.writerNice);
    DeskfeedServer server;
    try {
      server = new DeskfeedServer(store, config).start();
    } catch (RuntimeException e) {
      store.close();
      throw new IllegalStateException("cannot listen on " + config.bind() + ":" + config.port() + " ("
          + rootMessage(e) + "); is another Deskfeed running? choose another port with --port", e);
    }
    Optional<Accounts.NewUser> first = server.accounts().createFirstUserIfEmpty(firstUserName());
    Agent agent = withCapture ? embeddedAgent(store, server.accounts()) : null;
    store.rollups().maintainer().start(); // keeps long-range views fresh in the background (docs/ROLLUPS.md)
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (agent != null) {
        agent.close();
      }
      server.stop();
      store.rollups().maintainer().close();
      store.close();
      stopped.countDown();
    }, "deskfeed-shutdown"));
    out.println();
    out.println("Deskfeed is running: open " + server.url());
    out.println("  data: " + store.describe());
    if (first.isPresent()) {
      out.println("  first start: created user '" + first.get().user().name() + "' with password: "
          + first.get().password());
      out.println("  this password is shown only once; change it with: deskfeed user passwd "
          + first.get().user().name());
    } else {
      List<User> users = store.users().all();
      out.println("  log in as " + users.stream().map(u -> "'" + u.name() + "'").collect(Collectors.joining(", "))
          + " (forgot the password? deskfeed user passwd NAME)");
    }
    out.println("  send data: deskfeed token create --user NAME --device NAME --scope ingest");
    out.println("Stop with Ctrl+C.");
    out.flush();
    stopped.await();
    return 0;
  }

  private static Agent embeddedAgent(Store store, Accounts accounts) {
    try {
      AgentConfig config = AgentConfigFile.load(AgentConfig.defaultDataDir());
      User owner = store.users().all().get(0);
      long deviceId = accounts.deviceOrCreate(owner.id(), Hostnames.deviceName(config.hostname())).id();
      return Agent.embedded(store, owner.id(), deviceId, config);
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(ServerRunner.class).warn(
          "capture of this computer is off: {} (the server runs without it; 'deskfeed agent' can record instead)",
          e.getMessage());
      return null;
    }
  }

  static String firstUserName() {
    String name = System.getProperty("user.name", "me").replaceAll("[^A-Za-z0-9._-]", "");
    return name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) ? "me" : name;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
