package dev.deskfeed.importers.demo;

import java.util.List;

/**
 * A stretch of time a computer is in use, in local minutes of the day (may run past midnight), with the meetings
 * fixed in it and the activities it draws from, by weight.
 */
record Session(int startMinute, int endMinute, List<int[]> meetings, List<Weighted> activities) {

  record Weighted(ActivityKind kind, int weight) {}

  static Weighted w(ActivityKind kind, int weight) {
    return new Weighted(kind, weight);
  }
}
