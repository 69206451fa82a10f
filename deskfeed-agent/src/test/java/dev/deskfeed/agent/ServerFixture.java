package dev.deskfeed.agent;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Event;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real Deskfeed server in the test's JVM, on a loopback port, over a real SQLite store: a user, a device and its
 * ingest token for the agent to sync with. It can be stopped and started again on the same port, which is how an
 * outage looks to the agent.
 */
public final class ServerFixture implements AutoCloseable {

  public final Store store;
  public final User user;
  public final Device device;
  public final String token;
  private final int port;
  private DeskfeedServer server;

  public ServerFixture(Path dir) {
    store = Store.openSqlite(dir);
    server = new DeskfeedServer(store, ServerConfig.defaults().withPort(0)).start();
    port = server.port();
    Accounts accounts = server.accounts();
    user = accounts.createUser("ada", "correct horse battery").user();
    device = accounts.createDevice(user.id(), "laptop", "ada-laptop", "linux");
    token = accounts.createToken(user.id(), device.id(), Scope.INGEST, "laptop").secret();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Accounts accounts() {
    return new Accounts(store);
  }

  /** Stops answering: connections to the port are refused until {@link #start()}. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public synchronized void start() {
    if (server == null) {
      server = new DeskfeedServer(store, ServerConfig.defaults().withPort(port)).start();
    }
  }

  /** The server's events of one bucket, newest first; empty when the bucket does not exist there. */
  public List<Event> events(String bucketId) {
    Optional<StoredBucket> bucket = store.buckets().byId(user.id(), bucketId);
    return bucket.map(b -> store.events().range(b.row(), null, null, -1)).orElse(List.of());
  }

  @Override
  public void close() {
    stop();
    store.close();
  }
}
