package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.DeviceStore;
import java.util.List;
import java.util.Optional;

final class JdbcDeviceStore implements DeviceStore {

  private static final Sql.Row<Device> DEVICE = rs -> new Device(rs.getLong("id"), rs.getLong("user_id"),
      rs.getString("name"), rs.getString("hostname"), rs.getString("os"), rs.getLong("created"));

  private final Sql sql;

  JdbcDeviceStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Device create(long userId, String name, String hostname, String os) {
    long now = Timestamps.nowMicros();
    return sql.inTransaction(connection -> {
      if (Sql.one(connection, "SELECT count(*) FROM devices WHERE user_id = ? AND name = ?", Sql.LONG,
          userId, name) > 0) {
        throw new IllegalArgumentException("a device named '" + name + "' already exists");
      }
      long id = Sql.insert(connection, "INSERT INTO devices (user_id, name, hostname, os, created) "
          + "VALUES (?, ?, ?, ?, ?)", "id", userId, name, hostname, os, now);
      return new Device(id, userId, name, hostname, os, now);
    });
  }

  @Override
  public Optional<Device> byId(long id) {
    return sql.optional("SELECT * FROM devices WHERE id = ?", DEVICE, id);
  }

  @Override
  public Optional<Device> byName(long userId, String name) {
    return sql.optional("SELECT * FROM devices WHERE user_id = ? AND name = ?", DEVICE, userId, name);
  }

  @Override
  public List<Device> ofUser(long userId) {
    return sql.list("SELECT * FROM devices WHERE user_id = ? ORDER BY id", DEVICE, userId);
  }
}
