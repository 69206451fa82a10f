package dev.deskfeed.store;

import java.util.function.Consumer;

/**
 * Messages between the server processes sharing one database (PostgreSQL's LISTEN/NOTIFY): how replicas keep their
 * in-memory state, such as live presence, in step. Delivery is at most once and only to listeners connected at the
 * time; a listener told {@code reconnected} must re-read what it holds from the store, because messages sent while
 * it was disconnected are gone.
 */
public interface Notifications {

  /** The largest payload PostgreSQL accepts, in bytes of UTF-8 (its limit is 8000; a margin for the channel). */
  int MAX_PAYLOAD_BYTES = 7900;

  /**
   * Sends a payload to every listener of the channel, this process's own included.
   *
   * @throws IllegalArgumentException when the payload is over {@link #MAX_PAYLOAD_BYTES}
   * @throws StoreException when the database cannot be reached (the message is lost; callers go on)
   */
  void publish(String channel, String payload);

  /**
   * Listens on a channel from a dedicated connection and thread until closed. The connection is re-opened, with
   * backoff, whenever it is lost; {@code reconnected} runs after each re-open (not after the first).
   */
  Subscription listen(String channel, Consumer<String> onMessage, Runnable reconnected);

  /** A running {@link #listen}; closing it stops the thread and closes its connection. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
