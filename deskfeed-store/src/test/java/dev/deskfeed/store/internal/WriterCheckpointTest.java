package dev.deskfeed.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's writer checkpoints the WAL ten times less often than SQLite would; the agent's keeps the default. */
class WriterCheckpointTest {

  @TempDir
  Path directory;

  @Test
  void theServersWriterLetsTheWalGrowBeforeCheckpointing() throws SQLException {
    StoreConfig server = StoreConfig.sqlite(directory);
    DataSources.ensureSqliteDirectory(server);
    assertThat(autocheckpoint(server)).isEqualTo(DataSources.SERVER_WAL_AUTOCHECKPOINT_PAGES);
    assertThat(autocheckpoint(server.withSmallFootprint())).isEqualTo(1000);
  }

  private static int autocheckpoint(StoreConfig config) throws SQLException {
    try (Connection writer = DataSources.writerConnection(config, Dialect.SQLITE);
        Statement statement = writer.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
      result.next();
      return result.getInt(1);
    }
  }
}
