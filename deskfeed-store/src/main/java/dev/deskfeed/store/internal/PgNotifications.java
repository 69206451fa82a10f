package dev.deskfeed.store.internal;

import dev.deskfeed.store.Notifications;
import dev.deskfeed.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Notifications} on PostgreSQL: {@code pg_notify} on a pooled connection to publish; LISTEN on a dedicated
 * connection per subscription, polled by its own daemon thread, re-opened with backoff when it breaks.
 */
final class PgNotifications implements Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);
  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  /** How long one poll waits for a message; also how soon a closed subscription notices. */
  private static final int POLL_MILLIS = 500;
  /** A silent connection is checked this often, so a dead one is noticed even when nobody publishes. */
  private static final long PING_MILLIS = 5_000;

  private final DataSource pool;
  private final Supplier<Connection> connections;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  PgNotifications(DataSource pool, Supplier<Connection> connections) {
    this.pool = pool;
    this.connections = connections;
  }

  @Override
  public void publish(String channel, String payload) {
    requireChannel(channel);
    if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("notification payload over " + MAX_PAYLOAD_BYTES + " bytes");
    }
    try (Connection connection = pool.getConnection();
        PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, channel);
      notify.setString(2, payload);
      notify.execute();
    } catch (SQLException e) {
      throw new StoreException("cannot notify '" + channel + "': " + e.getMessage(), e);
    }
  }

  @Override
  public Subscription listen(String channel, Consumer<String> onMessage, Runnable reconnected) {
    requireChannel(channel);
    Listener listener = new Listener(channel, onMessage, reconnected);
    listeners.add(listener);
    listener.thread.start();
    return () -> {
      listeners.remove(listener);
      listener.stop();
    };
  }

  /** Stops every subscription (the store is closing). */
  void close() {
    for (Listener listener : listeners) {
      listener.stop();
    }
    listeners.clear();
  }

  private static void requireChannel(String channel) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a channel name: '" + channel + "' (lower case, digits, _)");
    }
  }

  /** One LISTEN connection and the thread that polls it. */
  private final class Listener {
    private final String channel;
    private final Consumer<String> onMessage;
    private final Runnable reconnected;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    Listener(String channel, Consumer<String> onMessage, Runnable reconnected) {
      this.channel = channel;
      this.onMessage = onMessage;
      this.reconnected = reconnected;
      this.thread = new Thread(this::run, "deskfeed-listen-" + channel);
      this.thread.setDaemon(true);
    }

    void stop() {
      running = false;
      thread.interrupt();
      closeQuietly();
    }

    private void run() {
      long backoff = 250;
      boolean first = true;
      while (running) {
        try {
          connection = connections.get();
          connection.setClientInfo("ApplicationName", "deskfeed-listen"); // findable in pg_stat_activity
          try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + channel);
          }
          backoff = 250;
          if (!first) {
            LOG.info("listening on '{}' again; catching up from the store", channel);
            reconnected.run();
          }
          first = false;
          poll(connection.unwrap(PGConnection.class));
        } catch (SQLException | RuntimeException e) {
          if (!running) {
            break;
          }
          LOG.warn("lost the '{}' listener connection ({}); reconnecting in {} ms", channel, e.getMessage(), backoff);
        } finally {
          closeQuietly();
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException e) {
          break;
        }
        backoff = Math.min(10_000, backoff * 2);
      }
    }

    private void poll(PGConnection listening) throws SQLException {
      long lastPing = System.currentTimeMillis();
      while (running) {
        PGNotification[] received = listening.getNotifications(POLL_MILLIS);
        if (received != null) {
          for (PGNotification notification : received) {
            try {
              onMessage.accept(notification.getParameter());
            } catch (RuntimeException e) {
              LOG.warn("handling a '{}' notification failed: {}", channel, e.toString(), e);
            }
          }
        }
        if (System.currentTimeMillis() - lastPing > PING_MILLIS) {
          try (Statement ping = connection.createStatement()) {
            ping.execute("SELECT 1"); // throws on a connection the server or network dropped
          }
          lastPing = System.currentTimeMillis();
        }
      }
    }

    private void closeQuietly() {
      Connection open = connection;
      connection = null;
      if (open != null) {
        try {
          open.close();
        } catch (SQLException ignored) {
          // already broken
        }
      }
    }
  }
}
