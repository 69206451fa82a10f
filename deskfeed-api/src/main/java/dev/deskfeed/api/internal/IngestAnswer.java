package dev.deskfeed.api.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The answer of a batch write, {@code {"results": [...]}}, streamed straight to UTF-8 bytes: the same JSON as
 * building a tree of {@code ObjectNode}s and serializing it, without the tree, which was a tenth of a heartbeat's
 * time on its request thread (one answer per heartbeat: watchers send one at a time).
 */
final class IngestAnswer {

  private final ByteArrayBuilder bytes = new ByteArrayBuilder(256);
  private final JsonGenerator json;

  IngestAnswer() {
    try {
      json = Json.MAPPER.getFactory().createGenerator(bytes);
      json.writeStartObject();
      json.writeArrayFieldStart("results");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"status": 200, "outcome": "...", "event": {...}}}, the event as {@code EventJson.write} shapes it. */
  void success(WriteResult result) {
    Event event = result.event();
    try {
      json.writeStartObject();
      json.writeNumberField("status", 200);
      json.writeStringField("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
      json.writeObjectFieldStart("event");
      if (event.id() != null) {
        json.writeNumberField("id", event.id());
      } else {
        json.writeNullField("id");
      }
      json.writeStringField("timestamp", timestamp(event.start()));
      json.writeNumberField("duration", Timestamps.microsToSeconds(event.duration()));
      json.writeFieldName("data");
      Json.MAPPER.writeTree(json, event.data());
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A failed item's result, already shaped by the caller. */
  void failure(ObjectNode result) {
    try {
      Json.MAPPER.writeTree(json, result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] finish() {
    try {
      json.writeEndArray();
      json.writeEndObject();
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@link Timestamps#format} without {@code DateTimeFormatter} (about a microsecond a call) for years 1 to 9999,
   * which is every timestamp the API accepts in practice; the rest go through the formatter.
   */
  static String timestamp(long micros) {
    long seconds = Math.floorDiv(micros, Timestamps.MICROS_PER_SECOND);
    int fraction = (int) Math.floorMod(micros, Timestamps.MICROS_PER_SECOND);
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    if (days < -719_162L || days > 2_932_896L) { // 0001-01-01 .. 9999-12-31
      return Timestamps.format(micros);
    }
    LocalDate date = LocalDate.ofEpochDay(days);
    char[] text = "0000-00-00T00:00:00.000000+00:00".toCharArray();
    digits(text, 0, 4, date.getYear());
    digits(text, 5, 2, date.getMonthValue());
    digits(text, 8, 2, date.getDayOfMonth());
    digits(text, 11, 2, secondOfDay / 3600);
    digits(text, 14, 2, secondOfDay / 60 % 60);
    digits(text, 17, 2, secondOfDay % 60);
    digits(text, 20, 6, fraction);
    return new String(text);
  }

  private static void digits(char[] text, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
