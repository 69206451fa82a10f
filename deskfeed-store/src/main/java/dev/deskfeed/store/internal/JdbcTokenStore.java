package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.TokenStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

final class JdbcTokenStore implements TokenStore {

  private static final Sql.Row<ApiToken> TOKEN = rs -> new ApiToken(rs.getLong("id"), rs.getLong("user_id"),
      Rows.nullableLong(rs, rs.findColumn("device_id")), rs.getString("name"), Scope.parse(rs.getString("scope")),
      rs.getString("hash"), rs.getLong("created"), Rows.nullableLong(rs, rs.findColumn("last_used")),
      Rows.nullableLong(rs, rs.findColumn("revoked")));

  private final Sql sql;
  private final GroupCommitWriter writer;

  JdbcTokenStore(Sql sql, GroupCommitWriter writer) {
    this.sql = sql;
    this.writer = writer;
  }

  @Override
  public ApiToken create(long userId, Long deviceId, String name, Scope scope, String hash) {
    if ((scope == Scope.INGEST) != (deviceId != null)) {
      throw new IllegalArgumentException("an ingest token needs exactly one device; read and admin tokens none");
    }
    long now = Timestamps.nowMicros();
    long id = sql.withConnection(connection -> Sql.insert(connection,
        "INSERT INTO api_tokens (user_id, device_id, name, scope, hash, created) VALUES (?, ?, ?, ?, ?, ?)", "id",
        userId, deviceId, name, scope.wireName(), hash, now));
    return new ApiToken(id, userId, deviceId, name, scope, hash, now, null, null);
  }

  @Override
  public Optional<ApiToken> byHash(String hash) {
    return sql.optional("SELECT * FROM api_tokens WHERE hash = ?", TOKEN, hash);
  }

  @Override
  public List<ApiToken> ofUser(long userId) {
    return sql.list("SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id", TOKEN, userId);
  }

  @Override
  public boolean revoke(long userId, long tokenId) {
    return sql.update("UPDATE api_tokens SET revoked = ? WHERE id = ? AND user_id = ? AND revoked IS NULL",
        Timestamps.nowMicros(), tokenId, userId) > 0;
  }

  @Override
  public CompletableFuture<Void> touch(long tokenId, long usedMicros) {
    return writer.submitAsync(new TouchTokenOp(tokenId, usedMicros));
  }
}
