package dev.deskfeed.app.internal;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the server until the process is asked to stop, then stops taking requests and closes the store, which lets
 * the writer commit everything it acknowledged. Shared by {@code deskfeed up} and {@code deskfeed server}.
 */
final class ServerRunner {

  private ServerRunner() {}

  static int run(StoreOptions storeOptions, ServerConfig config, PrintStream out) throws InterruptedException {
    Store store = storeOptions.open();
    DeskfeedServer server;
    try {
      server = new DeskfeedServer(store, config).start();
    } catch (RuntimeException e) {
      store.close();
      throw new IllegalStateException("cannot listen on " + config.bind() + ":" + config.port() + " ("
          + rootMessage(e) + "); is another Deskfeed running? choose another port with --port", e);
    }
    Optional<Accounts.NewUser> first = server.accounts().createFirstUserIfEmpty(firstUserName());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
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
