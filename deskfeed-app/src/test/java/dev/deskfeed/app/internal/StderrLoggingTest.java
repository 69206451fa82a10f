package dev.deskfeed.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** The agent's logback-free logging writes the lines logback writes for every other command. */
class StderrLoggingTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;
  private StderrLogging logging;

  @BeforeEach
  void captureStderr() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    logging = new StderrLogging();
    logging.initialize();
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(original);
  }

  @Test
  void writesTheLogbackLayout() {
    Logger logger = logging.getLogger("dev.deskfeed.agent.Agent");
    logger.info("relay: {} on {}", "ActivityWatch API", 5600);
    logger.warn("capture: unavailable");
    String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d INFO  Agent - relay: ActivityWatch API on 5600"),
        lines[0]);
    assertTrue(lines[1].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d WARN  Agent - capture: unavailable"), lines[1]);
  }

  @Test
  void printsTheStackTraceOfAThrowable() {
    logging.getLogger("x.Sync").error("push failed", new IllegalStateException("server gone"));
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("ERROR Sync - push failed\njava.lang.IllegalStateException: server gone\n\tat "), text);
  }

  @Test
  void debugIsOffByDefaultAndLibrariesSayOnlyWarnings() {
    assertFalse(logging.getLogger("dev.deskfeed.agent.Agent").isDebugEnabled());
    assertTrue(logging.getLogger("dev.deskfeed.agent.Agent").isInfoEnabled());
    assertFalse(logging.getLogger("org.flywaydb.core.Flyway").isInfoEnabled());
    assertTrue(logging.getLogger("org.flywaydb.core.Flyway").isWarnEnabled());
    assertTrue(logging.getLogger("org.flywaydbx").isInfoEnabled());
    logging.getLogger("com.zaxxer.hikari.HikariDataSource").info("pool started");
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void levelNamesAreReadAsLogbackReadsThem() {
    assertEquals(Level.DEBUG, StderrLogging.level("debug", Level.INFO));
    assertEquals(Level.TRACE, StderrLogging.level("ALL", Level.INFO));
    assertNull(StderrLogging.level("OFF", Level.INFO));
    assertEquals(Level.INFO, StderrLogging.level("loud", Level.INFO));
    assertEquals(Level.INFO, StderrLogging.level(null, Level.INFO));
  }
}
