package dev.deskfeed.server.presence.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.presence.PresenceJson;
import dev.deskfeed.core.presence.UserPresence;
import dev.deskfeed.core.privacy.PublicPresence;
import dev.deskfeed.core.privacy.PublicProjection;
import dev.deskfeed.server.presence.format.LanyardFrames;
import dev.deskfeed.server.presence.format.PublicJson;
import dev.deskfeed.server.presence.live.UserSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everyone listening to one user, and the last state they were sent: the owner's full view for the dashboard's
 * streams, and the public projection for public streams and Lanyard sockets.
 *
 * <p>{@link #refresh} compares the new state with the last one published and pushes only a visible change. The
 * public side compares <em>projections</em>: a switch between two hidden apps changes the owner's view but not the
 * public one, and pushing it anyway would tell the world that something happened. Each push takes the next
 * version; frames are serialized once and shared by every subscriber.
 *
 * <p>Thread-safe. Publishing and subscribing take this channel's lock, so a new subscriber gets either the state
 * before a change and then the change, or the state after it, never a stale state last.
 */
public final class UserChannel {

  private record PublicState(long version, PublicPresence presence, byte[] sseFrame, String lanyardPayload) {}

  private record OwnerState(long version, UserPresence presence, Map<String, String> kv, byte[] sseFrame) {}

  private final long userId;
  private final String name;
  private final Set<SseStream> publicStreams = ConcurrentHashMap.newKeySet();
  private final Set<SseStream> ownerStreams = ConcurrentHashMap.newKeySet();
  private final Set<LanyardSocket> sockets = ConcurrentHashMap.newKeySet();
  private long version;
  private PublicState publicState;
  private OwnerState ownerState;

  public UserChannel(long userId, String name) {
    this.userId = userId;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Publishes the user's current state to whoever listens, if it differs visibly from the last one sent. */
  public synchronized void refresh(UserPresence presence, UserSettings settings) {
    OwnerState owner = ownerState;
    if (owner == null || !owner.presence().sameVisibleState(presence) || !owner.kv().equals(settings.kv())) {
      ObjectNode json = PresenceJson.write(presence);
      ObjectNode kv = json.putObject("kv");
      settings.kv().forEach(kv::put);
      ownerState = owner = new OwnerState(++version, presence, settings.kv(), frame(json));
      for (SseStream stream : ownerStreams) {
        stream.send(owner.version(), owner.sseFrame());
      }
    }
    PublicPresence projected = PublicProjection.apply(settings.privacy(), presence, settings.kv()).orElse(null);
    PublicState current = publicState;
    if (current != null && samePublic(current.presence(), projected)) {
      return;
    }
    publicState = current = projected == null ? new PublicState(++version, null, null, null)
        : new PublicState(++version, projected, frame(PublicJson.status(name, projected)),
            LanyardFrames.payload(projected, name));
    PublicState sent = current;
    if (sent.presence() == null) {
      List.copyOf(publicStreams).forEach(SseStream::close); // made private: end the streams, reconnects get 404
    } else {
      FanOut.each(List.copyOf(publicStreams), stream -> stream.send(sent.version(), sent.sseFrame()));
    }
    FanOut.each(List.copyOf(sockets), socket -> socket.offer(userId, sent.version(), sent.lanyardPayload()));
    if (sent.presence() == null) {
      sockets.clear(); // they dropped the subscription on the null payload
    }
  }

  /** Adds a public stream and sends it the snapshot; false when the user has no public profile. */
  public synchronized boolean addPublicStream(SseStream stream) {
    if (publicState == null || publicState.presence() == null) {
      return false;
    }
    publicStreams.add(stream);
    stream.onClose(() -> publicStreams.remove(stream));
    stream.send(publicState.version(), publicState.sseFrame());
    return true;
  }

  /** Adds an owner stream and sends it the snapshot. */
  public synchronized void addOwnerStream(SseStream stream) {
    if (ownerState == null) {
      stream.close(); // the first refresh failed (logged); the client will reconnect
      return;
    }
    ownerStreams.add(stream);
    stream.onClose(() -> ownerStreams.remove(stream));
    stream.send(ownerState.version(), ownerState.sseFrame());
  }

  /**
   * Subscribes a Lanyard socket; returns the presence payload for its {@code INIT_STATE}, or null when the user has
   * no public profile (then nothing is subscribed, as Lanyard leaves unknown ids out).
   */
  public synchronized String addSocket(LanyardSocket socket, String requestedId) {
    if (publicState == null || publicState.presence() == null) {
      return null;
    }
    if (!socket.subscribe(userId, requestedId, publicState.version())) {
      return null; // closed meanwhile
    }
    sockets.add(socket);
    return publicState.lanyardPayload();
  }

  /** Under the channel's lock, so a socket closing while it subscribes is either not added or removed. */
  public synchronized void removeSocket(LanyardSocket socket) {
    sockets.remove(socket);
  }

  /** Comment lines for idle streams. */
  public void keepalive() {
    publicStreams.forEach(SseStream::keepalive);
    ownerStreams.forEach(SseStream::keepalive);
  }

  /** Ends every stream (server shutdown). */
  public void closeAll() {
    List.copyOf(publicStreams).forEach(SseStream::close);
    List.copyOf(ownerStreams).forEach(SseStream::close);
  }

  public int subscriberCount() {
    return publicStreams.size() + ownerStreams.size() + sockets.size();
  }

  private static boolean samePublic(PublicPresence before, PublicPresence after) {
    return before == null ? after == null : before.sameVisibleState(after);
  }

  private static byte[] frame(ObjectNode json) {
    return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
