package dev.deskfeed.importers.internal;

import dev.deskfeed.core.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Tockler's {@code beginDate}/{@code endDate} cells to epoch microseconds. Tockler writes UTC epoch milliseconds
 * as INTEGER; databases begun before 2020 may still hold TEXT such as {@code 2019-05-01 10:00:00.000 +00:00} in rows
 * an old migration could not convert, and a few hold the milliseconds as TEXT or REAL. We accept all of them,
 * reading the cell by its storage class ({@link #storageClass}), never by the declared column type.
 */
public final class TocklerDates {

  /** Earlier than any Tockler release: a value before it is a unit mix-up or garbage. */
  private static final long EARLIEST = Timestamps.parse("2000-01-01T00:00:00Z");

  private static final int NULL = 0;
  private static final int INTEGER = 1;
  private static final int REAL = 2;
  private static final int TEXT = 3;
  private static final int BLOB = 4;

  private TocklerDates() {}

  /**
   * SQL giving a date cell's storage class as a number for {@link #micros}: the same facts as {@code typeof()}, but
   * an integer costs the reader nothing, where a million {@code typeof()} strings cost a noticeable share of an
   * import's CPU.
   */
  public static String storageClass(String column) {
    return "CASE typeof(" + column + ") WHEN 'integer' THEN " + INTEGER + " WHEN 'real' THEN " + REAL
        + " WHEN 'text' THEN " + TEXT + " WHEN 'null' THEN " + NULL + " ELSE " + BLOB + " END";
  }

  /**
   * @param classColumn the column holding {@link #storageClass} of the date; the value is in the next column
   * @throws IllegalArgumentException naming the column when the cell is empty or not a date
   */
  public static long micros(ResultSet row, int classColumn, String name, long nowMicros) throws SQLException {
    int storage = row.getInt(classColumn);
    long micros;
    switch (storage) {
      case INTEGER -> micros = Math.multiplyExact(row.getLong(classColumn + 1), 1000L);
      case REAL -> micros = Math.round(row.getDouble(classColumn + 1) * 1000.0);
      case TEXT -> micros = fromText(row.getString(classColumn + 1), name);
      case NULL -> throw new IllegalArgumentException("no " + name);
      default -> throw new IllegalArgumentException(name + " is a blob, not a date");
    }
    if (micros < EARLIEST || micros > nowMicros + 86_400_000_000L) {
      throw new IllegalArgumentException(name + " " + Timestamps.format(micros) + " is not a plausible time");
    }
    return micros;
  }

  static long fromText(String text, String name) {
    String trimmed = text.trim();
    if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
      return Math.multiplyExact(Long.parseLong(trimmed), 1000L);
    }
    try {
      return Timestamps.parse(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " '" + text + "' is neither epoch milliseconds nor a date");
    }
  }
}
