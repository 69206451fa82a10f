package dev.deskfeed.importers.internal;

import dev.deskfeed.core.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Tockler's {@code beginDate}/{@code endDate} cells to epoch microseconds. Tockler writes UTC epoch milliseconds
 * as INTEGER; databases begun before 2020 may still hold TEXT such as {@code 2019-05-01 10:00:00.000 +00:00} in rows
 * an old migration could not convert, and a few hold the milliseconds as TEXT or REAL. We accept all of them,
 * reading the cell by its storage class ({@code typeof()}), never by the declared column type.
 */
public final class TocklerDates {

  /** Earlier than any Tockler release: a value before it is a unit mix-up or garbage. */
  private static final long EARLIEST = Timestamps.parse("2000-01-01T00:00:00Z");

  private TocklerDates() {}

  /**
   * @param typeColumn the column holding {@code typeof(<date>)}; the value is in the next column
   * @throws IllegalArgumentException naming the column when the cell is empty or not a date
   */
  public static long micros(ResultSet row, int typeColumn, String name, long nowMicros) throws SQLException {
    String type = row.getString(typeColumn);
    long micros;
    switch (type) {
      case "integer" -> micros = Math.multiplyExact(row.getLong(typeColumn + 1), 1000L);
      case "real" -> micros = Math.round(row.getDouble(typeColumn + 1) * 1000.0);
      case "text" -> micros = fromText(row.getString(typeColumn + 1), name);
      case "null" -> throw new IllegalArgumentException("no " + name);
      default -> throw new IllegalArgumentException(name + " is a " + type + ", not a date");
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
