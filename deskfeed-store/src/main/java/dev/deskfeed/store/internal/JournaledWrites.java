package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.CommitListener;
import dev.deskfeed.store.WriteResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal record's payload: each event a group inserted or extended, as it stood after the group. Replaying the
 * entries in order reproduces the group's effect on the events table; an insert carries the event's data, an
 * extension only its new span (a heartbeat never changes an event's data).
 */
final class JournaledWrites {

  /** One inserted or extended event. */
  record Entry(long bucketRow, Event event, boolean inserted) {}

  private JournaledWrites() {}

  static byte[] encode(List<CommitListener.Committed> writes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + writes.size() * 48);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(writes.size());
      for (CommitListener.Committed write : writes) {
        boolean inserted = write.outcome() == Outcome.INSERTED;
        Event event = write.event();
        out.writeLong(write.bucketRow());
        out.writeLong(event.id());
        out.writeLong(event.start());
        out.writeLong(event.end());
        out.writeBoolean(inserted);
        if (inserted) {
          byte[] data = Json.write(event.data()).getBytes(StandardCharsets.UTF_8);
          out.writeInt(data.length);
          out.write(data);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  static List<Entry> decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    int count = in.readInt();
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long bucketRow = in.readLong();
      long id = in.readLong();
      long start = in.readLong();
      long end = in.readLong();
      boolean inserted = in.readBoolean();
      Event event;
      if (inserted) {
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        event = new Event(id, start, end - start, Json.parseObject(new String(data, StandardCharsets.UTF_8)));
      } else {
        event = new Event(id, start, end - start, Json.object());
      }
      entries.add(new Entry(bucketRow, event, inserted));
    }
    return entries;
  }
}
