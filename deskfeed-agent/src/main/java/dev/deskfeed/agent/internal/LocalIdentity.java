package dev.deskfeed.agent.internal;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Who owns the agent's own store: one local user, one device (this computer), and the id of the store's change log.
 * The log id is random, made once with the store and kept in its settings ({@value #LOG_KEY}): the server keys its
 * resume token by it, so a recreated local store (a new log id) starts from seq 0 instead of being mistaken for the
 * old one, and its event ids can never overwrite the old store's events on the server.
 */
public record LocalIdentity(long userId, long deviceId, String logId) {

  public static final String LOG_KEY = "deskfeed.sync.log_id";
  static final String USER_NAME = "local";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The store's user, device and log id, created on first use. */
  public static LocalIdentity ensure(Store store, String hostname) {
    List<User> users = store.users().all();
    User user = users.isEmpty() ? store.users().create(USER_NAME, null) : users.get(0);
    List<Device> devices = store.devices().ofUser(user.id());
    Device device = devices.isEmpty()
        ? store.devices().create(user.id(), Hostnames.deviceName(hostname), hostname, System.getProperty("os.name"))
        : devices.get(0);
    String logId = store.settings().get(user.id(), LOG_KEY).filter(node -> node.isTextual()
        && !node.asText().isEmpty()).map(node -> node.asText()).orElse(null);
    if (logId == null) {
      byte[] random = new byte[16];
      RANDOM.nextBytes(random);
      logId = HexFormat.of().formatHex(random);
      store.settings().put(user.id(), LOG_KEY, TextNode.valueOf(logId));
    }
    return new LocalIdentity(user.id(), device.id(), logId);
  }
}
