package dev.deskfeed.store.rollup;

/**
 * Active time of one key in one UTC hour on one device: the unit rollups store and the raw computation produces,
 * so both answer in the same shape and can be compared row for row.
 *
 * @param device the device key (the device's name, or a bucket's hostname when no device owns it);
 *     {@link #ALL_DEVICES} for the union of all devices (dimension {@link Dimension#TOTAL} only)
 * @param hour the hour's start, epoch microseconds, a multiple of {@link #HOUR_US}
 * @param key what the time was spent on; {@code ""} for {@link Dimension#TOTAL}
 * @param activeMicros active microseconds, never more than an hour
 */
public record HourRow(String device, long hour, String key, long activeMicros) {

  public static final String ALL_DEVICES = "";
  public static final long HOUR_US = 3_600_000_000L;

  /** The start of the UTC hour holding {@code micros}. */
  public static long floorHour(long micros) {
    return Math.floorDiv(micros, HOUR_US) * HOUR_US;
  }

  /** The first hour start at or after {@code micros}. */
  public static long ceilHour(long micros) {
    return -Math.floorDiv(-micros, HOUR_US) * HOUR_US;
  }
}
