package dev.deskfeed.importers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading another program's live WAL database without touching it, in place and through a copy. */
class SqliteSourceTest {

  @TempDir Path dir;

  @Test
  void readsCommitsThatAreOnlyInTheWalInPlaceAndThroughACopy() throws Exception {
    Path db = dir.resolve("live.db");
    try (Connection owner = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = owner.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA wal_autocheckpoint=0");
      statement.execute("CREATE TABLE t (x integer)");
      statement.execute("INSERT INTO t VALUES (1), (2), (3)");

      try (SqliteSource source = SqliteSource.open(db, "test database")) {
        assertThat(source.readsCopy()).isFalse();
        assertThat(source.count("SELECT count(*) FROM t")).isEqualTo(3);
        assertThat(source.columns("t")).containsExactly("x");
      }

      Path copyDirectory;
      try (SqliteSource copy = SqliteSource.openCopy(db, "test database", new SQLException("forced"))) {
        assertThat(copy.readsCopy()).isTrue();
        assertThat(copy.count("SELECT count(*) FROM t")).isEqualTo(3);
        assertThat(copy.toString()).contains("temporary copy");
        copyDirectory = Path.of(copy.connection().getMetaData().getURL().substring("jdbc:sqlite:".length()))
            .getParent();
      }
      assertThat(copyDirectory).doesNotExist();
      statement.execute("INSERT INTO t VALUES (4)"); // the owner is undisturbed
      assertThat(Files.exists(dir.resolve("live.db-wal"))).isTrue();
    }
  }
}
