package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.DeviceStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcDeviceStore implements DeviceStore {

  private static final RowMapper<Device> DEVICE = (rs, ctx) -> new Device(rs.getLong("id"), rs.getLong("user_id"),
      rs.getString("name"), rs.getString("hostname"), rs.getString("os"), rs.getLong("created"));

  private final Jdbi jdbi;

  JdbcDeviceStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Device create(long userId, String name, String hostname, String os) {
    long now = Timestamps.nowMicros();
    return jdbi.inTransaction(handle -> {
      if (handle.createQuery("SELECT count(*) FROM devices WHERE user_id = :user AND name = :name")
          .bind("user", userId).bind("name", name).mapTo(Long.class).one() > 0) {
        throw new IllegalArgumentException("a device named '" + name + "' already exists");
      }
      long id = handle.createUpdate("INSERT INTO devices (user_id, name, hostname, os, created) "
              + "VALUES (:user, :name, :hostname, :os, :now)")
          .bind("user", userId).bind("name", name).bind("hostname", hostname).bind("os", os).bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new Device(id, userId, name, hostname, os, now);
    });
  }

  @Override
  public Optional<Device> byId(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM devices WHERE id = :id")
        .bind("id", id).map(DEVICE).findOne());
  }

  @Override
  public Optional<Device> byName(long userId, String name) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM devices WHERE user_id = :user AND name = :name")
        .bind("user", userId).bind("name", name).map(DEVICE).findOne());
  }

  @Override
  public List<Device> ofUser(long userId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM devices WHERE user_id = :user ORDER BY id")
        .bind("user", userId).map(DEVICE).list());
  }
}
