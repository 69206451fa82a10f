package dev.deskfeed.core.presence;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every call, for assertions. Thread-safe. */
final class RecordingListener implements PresenceListener {

  private final List<PresenceChange> changes = new ArrayList<>();

  @Override
  public synchronized void changed(String userId, UserPresence before, UserPresence after) {
    changes.add(new PresenceChange(userId, before, after));
  }

  synchronized List<PresenceChange> changes() {
    return List.copyOf(changes);
  }

  synchronized int count() {
    return changes.size();
  }

  synchronized PresenceChange last() {
    return changes.get(changes.size() - 1);
  }

  synchronized void clear() {
    changes.clear();
  }
}
