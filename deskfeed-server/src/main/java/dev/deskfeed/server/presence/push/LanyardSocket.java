package dev.deskfeed.server.presence.push;

import dev.deskfeed.server.presence.format.LanyardFrames;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client on Lanyard's socket: what it subscribed to and what it still has to be sent.
 *
 * <p>One message is in flight at a time. Hello and {@code INIT_STATE} wait in order; presence updates wait one per
 * subscribed user, a newer one replacing an older one that was not sent yet, so a slow client skips states instead
 * of making the server buffer them. Updates carry the channel's version and are ignored unless newer than what the
 * socket already has for that user (the {@code INIT_STATE} snapshot included). With {@code compression=zlib_json}
 * every message goes as a binary frame holding one complete zlib stream, as Lanyard sends it.
 *
 * <p>Thread-safe: the socket's own thread subscribes, the publisher offers updates, Jetty completes sends.
 */
public final class LanyardSocket {

  private record Subscription(String requestedId, long version) {}

  private final Session session;
  private final boolean zlib;
  private final Map<Long, Subscription> subscriptions = new HashMap<>();
  private final Deque<String> control = new ArrayDeque<>();
  private final Map<Long, String> updates = new LinkedHashMap<>();
  private long seq;
  private boolean awaitingInit;
  private boolean inFlight;
  private boolean closed;

  public LanyardSocket(Session session, boolean zlib) {
    this.session = session;
    this.zlib = zlib;
  }

  /** Queues Hello, which has no sequence number. */
  public void hello(int heartbeatIntervalMillis) {
    synchronized (this) {
      control.add(LanyardFrames.hello(heartbeatIntervalMillis));
    }
    pump();
  }

  /**
   * Starts an Initialize: until {@link #initState} is queued, updates of the new subscriptions are held back, so
   * that no {@code PRESENCE_UPDATE} overtakes the {@code INIT_STATE} it follows.
   */
  public synchronized void beginInit() {
    awaitingInit = true;
  }

  /**
   * Records a subscription whose snapshot (at {@code version}) goes into the next {@code INIT_STATE}; false when the
   * socket is already closed (then nothing may keep a reference to it).
   */
  public synchronized boolean subscribe(long userId, String requestedId, long version) {
    if (closed) {
      return false;
    }
    subscriptions.put(userId, new Subscription(requestedId, version));
    return true;
  }

  /** Drops subscriptions; returns the users that were dropped. */
  public synchronized List<Long> unsubscribe(Collection<Long> userIds) {
    List<Long> dropped = userIds.stream().filter(id -> subscriptions.remove(id) != null).toList();
    dropped.forEach(updates::remove);
    return dropped;
  }

  /** Drops the subscriptions made under these requested ids; returns the users that were dropped. */
  public synchronized List<Long> unsubscribeRequested(Collection<String> requestedIds) {
    List<Long> matching = subscriptions.entrySet().stream()
        .filter(entry -> requestedIds.contains(entry.getValue().requestedId())).map(Map.Entry::getKey).toList();
    return unsubscribe(matching);
  }

  public synchronized List<Long> subscribedUsers() {
    return List.copyOf(subscriptions.keySet());
  }

  /** Queues {@code INIT_STATE}, after the subscriptions it describes were recorded, and releases held updates. */
  public void initState(String dataJson) {
    synchronized (this) {
      control.add(LanyardFrames.event(++seq, LanyardFrames.INIT_STATE, dataJson));
      awaitingInit = false;
    }
    pump();
  }

  /**
   * Offers a user's new presence; {@code payload} null means the user's public profile is gone, which ends the
   * subscription silently (Lanyard's clients simply stop getting updates).
   */
  public void offer(long userId, long version, String payload) {
    synchronized (this) {
      Subscription subscription = subscriptions.get(userId);
      if (closed || subscription == null || version <= subscription.version()) {
        return;
      }
      if (payload == null) {
        subscriptions.remove(userId);
        updates.remove(userId);
        return;
      }
      subscriptions.put(userId, new Subscription(subscription.requestedId(), version));
      updates.remove(userId); // re-insert at the end: users are served in order of their latest change
      updates.put(userId, payload);
    }
    pump();
  }

  public void closed() {
    synchronized (this) {
      closed = true;
      control.clear();
      updates.clear();
    }
  }

  private void pump() {
    String text;
    synchronized (this) {
      if (closed || inFlight) {
        return;
      }
      text = control.poll();
      if (text == null) {
        if (awaitingInit) {
          return;
        }
        Iterator<Map.Entry<Long, String>> next = updates.entrySet().iterator();
        if (!next.hasNext()) {
          return;
        }
        String payload = next.next().getValue();
        next.remove();
        text = LanyardFrames.event(++seq, LanyardFrames.PRESENCE_UPDATE, payload);
      }
      inFlight = true;
    }
    Callback done = Callback.from(this::sent, failure -> closed());
    if (zlib) {
      session.sendBinary(ByteBuffer.wrap(deflate(text)), done);
    } else {
      session.sendText(text, done);
    }
  }

  private void sent() {
    synchronized (this) {
      inFlight = false;
    }
    pump();
  }

  /** One complete zlib stream per message, as Lanyard's {@code zlib_json} compression sends it. */
  static byte[] deflate(String text) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2 + 16);
      byte[] chunk = new byte[1024];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }
}
