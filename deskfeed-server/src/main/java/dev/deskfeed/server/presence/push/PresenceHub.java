package dev.deskfeed.server.presence.push;

import dev.deskfeed.core.presence.UserPresence;
import dev.deskfeed.server.presence.live.SettingsCache;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans presence changes out to subscribers, off the heartbeat path.
 *
 * <p>The tracker reports a change by user ({@link #mark}, called under the tracker's lock, so it only marks the
 * user and returns). The thread that called the tracker (the feed thread for heartbeats, the sweep thread for
 * expiries) then calls {@link #publishMarked}: it reads each marked user's latest presence and settings and refreshes
 * the user's {@link UserChannel}. Changes that arrive while a user is still marked fold into one refresh, so a burst
 * of heartbeats costs one push. Changes from elsewhere (rules, key/value map) go through {@link #changed} and a
 * publisher thread. Writes to subscribers never block (see {@link SseStream} and {@link LanyardSocket}).
 *
 * <p>Users nobody listens to have no channel and cost nothing here. Channels are kept once made (a self-hosted
 * server has few users; a channel without subscribers is a few objects). Thread-safe.
 */
public final class PresenceHub {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceHub.class);

  private final Function<Long, UserPresence> presenceOf;
  private final SettingsCache settings;
  private final Map<Long, UserChannel> channels = new ConcurrentHashMap<>();
  private final Set<Long> marked = ConcurrentHashMap.newKeySet();
  private final ExecutorService publisher = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "deskfeed-presence-push");
    thread.setDaemon(true);
    return thread;
  });

  /** @param presenceOf the owner's current presence of a user id (the tracker's snapshot) */
  public PresenceHub(Function<Long, UserPresence> presenceOf, SettingsCache settings) {
    this.presenceOf = presenceOf;
    this.settings = settings;
  }

  /**
   * Marks the user as changed; the caller publishes with {@link #publishMarked} once it is done with the tracker.
   * This is what the tracker's listener calls, under the tracker's lock: it only adds to a set.
   */
  public void mark(long userId) {
    if (channels.containsKey(userId)) {
      marked.add(userId);
    }
  }

  /**
   * Refreshes every marked user's channel on the caller's thread. The feed and sweep threads call this right after
   * their tracker calls, so a heartbeat reaches subscribers without another thread hand-off.
   */
  public void publishMarked() {
    for (Long userId : marked) {
      if (marked.remove(userId)) {
        refresh(userId);
      }
    }
  }

  /** Something changed outside the tracker (rules, key/value map): refresh the user's channel soon. */
  public void changed(long userId) {
    mark(userId);
    try {
      publisher.execute(this::publishMarked);
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // shutting down
    }
  }

  /**
   * The user's channel, made on first use. A new channel is filled before anyone else can see it, and refreshed
   * once more after it became visible, for a change the publisher skipped while the channel did not exist yet.
   */
  public UserChannel channel(long userId, String name) {
    UserChannel channel = channels.get(userId);
    if (channel == null) {
      channel = channels.computeIfAbsent(userId, id -> {
        UserChannel made = new UserChannel(id, name);
        refresh(made, id);
        return made;
      });
      refresh(userId);
    }
    return channel;
  }

  /** The user's channel if one was made. */
  public Optional<UserChannel> existing(long userId) {
    return Optional.ofNullable(channels.get(userId));
  }

  /** Brings the channel up to date now, on the caller's thread (subscriptions do this before their snapshot). */
  public void refresh(long userId) {
    UserChannel channel = channels.get(userId);
    if (channel != null) {
      refresh(channel, userId);
    }
  }

  private void refresh(UserChannel channel, long userId) {
    try {
      long started = System.nanoTime();
      channel.refresh(presenceOf.apply(userId), settings.get(userId));
      if (LOG.isDebugEnabled()) {
        LOG.debug("user {}: refreshed for {} subscribers in {} us", userId, channel.subscriberCount(),
            (System.nanoTime() - started) / 1000);
      }
    } catch (RuntimeException e) {
      LOG.warn("publishing presence of user {} failed: {}", userId, e.toString(), e);
    }
  }

  /** Keeps every idle stream alive; run by the service's scheduler. */
  public void keepalive() {
    channels.values().forEach(UserChannel::keepalive);
  }

  public int subscriberCount() {
    return channels.values().stream().mapToInt(UserChannel::subscriberCount).sum();
  }

  /** Ends every stream and stops the publisher. */
  public void stop() {
    publisher.shutdownNow();
    channels.values().forEach(UserChannel::closeAll);
  }
}
