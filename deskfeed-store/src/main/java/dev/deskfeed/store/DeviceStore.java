package dev.deskfeed.store;

import java.util.List;
import java.util.Optional;

/** The computers of each user. */
public interface DeviceStore {

  /** Registers a device; {@link IllegalArgumentException} if the user already has one of that name. */
  Device create(long userId, String name, String hostname, String os);

  Optional<Device> byId(long id);

  Optional<Device> byName(long userId, String name);

  List<Device> ofUser(long userId);
}
