package dev.deskfeed.importers.demo;

import static dev.deskfeed.importers.demo.ActivityKind.BROWSING;
import static dev.deskfeed.importers.demo.ActivityKind.CHAT;
import static dev.deskfeed.importers.demo.ActivityKind.CODING;
import static dev.deskfeed.importers.demo.ActivityKind.DOCS;
import static dev.deskfeed.importers.demo.ActivityKind.EMAIL;
import static dev.deskfeed.importers.demo.ActivityKind.GAMING;
import static dev.deskfeed.importers.demo.ActivityKind.HOBBY;
import static dev.deskfeed.importers.demo.ActivityKind.VIDEO;
import static dev.deskfeed.importers.demo.ActivityKind.WRITING;
import static dev.deskfeed.importers.demo.Session.w;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When each computer is used: the work laptop from about 8:30 to 17:30 on workdays with a lunch break, a stand-up
 * and a couple of meetings; the desktop most evenings and long weekend afternoons; the personal laptop for the
 * odd commute, evening or vacation day. Times jitter from day to day.
 */
final class Persona {

  private static final List<Session.Weighted> WORK = List.of(w(CODING, 50), w(EMAIL, 10), w(CHAT, 10), w(DOCS, 20),
      w(BROWSING, 10));
  private static final List<Session.Weighted> LEISURE = List.of(w(GAMING, 25), w(VIDEO, 25), w(BROWSING, 25),
      w(HOBBY, 15), w(CHAT, 10));
  private static final List<Session.Weighted> CASUAL = List.of(w(BROWSING, 45), w(WRITING, 25), w(CHAT, 20),
      w(VIDEO, 10));

  private Persona() {}

  static List<Session> sessions(DemoDevice device, DayType type, SplittableRandom random) {
    List<Session> sessions = new ArrayList<>();
    switch (device) {
      case WORK_LAPTOP -> {
        if (type == DayType.WORKDAY) {
          List<int[]> morning = new ArrayList<>();
          if (random.nextInt(10) < 9) {
            morning.add(new int[] {9 * 60 + 30, 9 * 60 + 45});
          }
          if (random.nextBoolean()) {
            int start = (10 + random.nextInt(2)) * 60 + 30 * random.nextInt(2);
            morning.add(new int[] {start, start + 30 + 30 * random.nextInt(2)});
          }
          sessions.add(new Session(jitter(random, 8 * 60 + 30, 25), jitter(random, 12 * 60 + 30, 15), morning, WORK));
          List<int[]> afternoon = new ArrayList<>();
          if (random.nextInt(3) > 0) {
            int start = (14 + random.nextInt(3)) * 60;
            afternoon.add(new int[] {start, start + 30 + 15 * random.nextInt(3)});
          }
          sessions.add(new Session(jitter(random, 13 * 60 + 20, 15), jitter(random, 17 * 60 + 40, 40), afternoon,
              WORK));
        } else if (type == DayType.WEEKEND && random.nextInt(10) == 0) {
          sessions.add(new Session(jitter(random, 11 * 60, 60), jitter(random, 12 * 60, 20), List.of(),
              List.of(w(EMAIL, 50), w(CODING, 50))));
        }
      }
      case DESKTOP -> {
        if (type == DayType.WORKDAY) {
          if (random.nextInt(10) < 7) {
            sessions.add(new Session(jitter(random, 19 * 60 + 30, 30), jitter(random, 22 * 60 + 45, 45), List.of(),
                LEISURE));
          }
        } else if (random.nextInt(20) < 17) {
          sessions.add(new Session(jitter(random, 10 * 60 + 30, 30), jitter(random, 13 * 60, 30), List.of(), LEISURE));
          sessions.add(new Session(jitter(random, 15 * 60 + 30, 30), jitter(random, 22 * 60, 90), List.of(), LEISURE));
        }
      }
      case LAPTOP -> {
        if (type == DayType.WORKDAY) {
          if (random.nextInt(4) == 0) {
            sessions.add(new Session(jitter(random, 7 * 60 + 40, 10), jitter(random, 8 * 60 + 15, 5), List.of(),
                CASUAL));
          }
          if (random.nextInt(5) == 0) {
            sessions.add(new Session(jitter(random, 21 * 60 + 30, 30), jitter(random, 22 * 60 + 40, 20), List.of(),
                CASUAL));
          }
        } else if (random.nextInt(type == DayType.VACATION ? 10 : 2) < (type == DayType.VACATION ? 8 : 1)) {
          int start = jitter(random, 9 * 60 + 30, 45);
          sessions.add(new Session(start, start + 90 + random.nextInt(90), List.of(), CASUAL));
          if (type == DayType.VACATION) {
            sessions.add(new Session(jitter(random, 20 * 60, 30), jitter(random, 22 * 60, 30), List.of(), CASUAL));
          }
        }
      }
      default -> throw new IllegalStateException("no persona for " + device);
    }
    return sessions;
  }

  private static int jitter(SplittableRandom random, int minute, int spread) {
    return minute - spread + random.nextInt(2 * spread + 1);
  }
}
