package dev.deskfeed.importers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The midnight join must not depend on row order, a time zone or luck. */
class MidnightJoinerTest {

  private final List<TocklerItem> out = new ArrayList<>();
  private final MidnightJoiner joiner = new MidnightJoiner(out::add);

  @Test
  void joinsPiecesInAnyOrderAndChainsAnItemAcrossTwoMidnights() {
    ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30: midnight is no whole hour in UTC
    joiner.accept(item(3, "2024-03-06T00:00", "2024-03-06T01:00", kolkata, "Code"));
    joiner.accept(item(1, "2024-03-04T22:00", "2024-03-04T23:59:59.999", kolkata, "Code"));
    joiner.accept(item(2, "2024-03-05T00:00", "2024-03-05T23:59:59.999", kolkata, "Code"));
    joiner.accept(item(4, "2024-03-05T10:00:00.123", "2024-03-05T10:00:05.456", kolkata, "Other"));
    assertThat(out).extracting(TocklerItem::firstId).containsExactly(4L); // edge pieces wait for finish()
    joiner.finish();

    assertThat(out).hasSize(2);
    TocklerItem joined = out.get(1);
    assertThat(joined.rowIds()).containsExactly(1L, 2L, 3L);
    assertThat(joined.start()).isEqualTo(micros("2024-03-04T22:00", kolkata));
    assertThat(joined.end()).isEqualTo(micros("2024-03-06T01:00", kolkata));
  }

  @Test
  void keepsPiecesApartWhenDataOrKindDifferOrTheyDoNotTouch() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    joiner.accept(item(1, "2024-03-04T23:00", "2024-03-04T23:59:59.999", berlin, "Code"));
    joiner.accept(item(2, "2024-03-05T00:00", "2024-03-05T00:10", berlin, "Firefox"));
    joiner.accept(new TocklerItem(List.of(3L), TocklerKind.LOG, micros("2024-03-05T00:00", berlin),
        micros("2024-03-05T00:10", berlin), data("Code")));
    joiner.accept(item(4, "2024-03-05T00:15", "2024-03-05T00:20", berlin, "Code"));
    joiner.finish();
    assertThat(out).extracting(TocklerItem::rowIds).containsExactlyInAnyOrder(
        List.of(1L), List.of(2L), List.of(3L), List.of(4L));
  }

  private static TocklerItem item(long id, String start, String end, ZoneId zone, String app) {
    return new TocklerItem(List.of(id), TocklerKind.WINDOW, micros(start, zone), micros(end, zone), data(app));
  }

  private static ObjectNode data(String app) {
    return JsonNodeFactory.instance.objectNode().put("app", app).put("title", "t");
  }

  private static long micros(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant().toEpochMilli() * 1000;
  }
}
