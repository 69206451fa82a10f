package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.TokenStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcTokenStore implements TokenStore {

  private static final RowMapper<ApiToken> TOKEN = (rs, ctx) -> new ApiToken(rs.getLong("id"), rs.getLong("user_id"),
      Rows.nullableLong(rs, rs.findColumn("device_id")), rs.getString("name"), Scope.parse(rs.getString("scope")),
      rs.getString("hash"), rs.getLong("created"), Rows.nullableLong(rs, rs.findColumn("last_used")),
      Rows.nullableLong(rs, rs.findColumn("revoked")));

  private final Jdbi jdbi;

  JdbcTokenStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public ApiToken create(long userId, Long deviceId, String name, Scope scope, String hash) {
    if ((scope == Scope.INGEST) != (deviceId != null)) {
      throw new IllegalArgumentException("an ingest token needs exactly one device; read and admin tokens none");
    }
    long now = Timestamps.nowMicros();
    long id = jdbi.withHandle(handle -> handle.createUpdate(
            "INSERT INTO api_tokens (user_id, device_id, name, scope, hash, created) "
                + "VALUES (:user, :device, :name, :scope, :hash, :now)")
        .bind("user", userId).bind("device", deviceId).bind("name", name).bind("scope", scope.wireName())
        .bind("hash", hash).bind("now", now)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    return new ApiToken(id, userId, deviceId, name, scope, hash, now, null, null);
  }

  @Override
  public Optional<ApiToken> byHash(String hash) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM api_tokens WHERE hash = :hash")
        .bind("hash", hash).map(TOKEN).findOne());
  }

  @Override
  public List<ApiToken> ofUser(long userId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM api_tokens WHERE user_id = :user ORDER BY id")
        .bind("user", userId).map(TOKEN).list());
  }

  @Override
  public boolean revoke(long userId, long tokenId) {
    return jdbi.withHandle(handle -> handle.createUpdate(
            "UPDATE api_tokens SET revoked = :now WHERE id = :id AND user_id = :user AND revoked IS NULL")
        .bind("now", Timestamps.nowMicros()).bind("id", tokenId).bind("user", userId).execute()) > 0;
  }

  @Override
  public void touch(long tokenId, long usedMicros) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE api_tokens SET last_used = :used WHERE id = :id")
        .bind("used", usedMicros).bind("id", tokenId).execute());
  }
}
