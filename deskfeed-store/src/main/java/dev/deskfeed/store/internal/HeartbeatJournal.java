package dev.deskfeed.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file that makes a group of heartbeats durable before SQLite commits it (see docs/ARCHITECTURE.md, "The
 * heartbeat journal").
 *
 * <p>Each group is one record, written into a preallocated file. For a store with {@code synchronous=FULL} the file
 * is opened with {@code O_DSYNC} (and {@code O_DIRECT} where the file system allows it), so a record costs one write
 * that returns when the device has it, and never a metadata update; with {@code NORMAL} a plain write, which the
 * kernel keeps when the process dies, as SQLite's own {@code NORMAL} commits (a power cut may lose both). A record starts on a block boundary: magic, payload length, group number, CRC-32C of group and payload,
 * then the payload.
 *
 * <p>Once SQLite has committed every group in the file, the file starts over at offset 0 ({@link #restart()}). Group
 * numbers only grow, so {@link #read} knows where the records of the current pass end: at the first block whose
 * record is torn, fails its checksum, or carries a group number not above the one before it (a leftover of an
 * earlier pass, which SQLite committed long ago).
 */
final class HeartbeatJournal implements AutoCloseable {

  /** One group as read back. */
  record Record(long group, byte[] payload) {}

  static final int BLOCK = 4096;
  private static final int MAGIC = 0x44464a31; // "DFJ1"
  private static final int HEADER = 4 + 4 + 8 + 4;
  private static final long PREALLOCATE = 4L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatJournal.class);

  private final Path path;
  private final FileChannel channel;
  private ByteBuffer buffer;
  private long position;
  private long size;

  private HeartbeatJournal(Path path, FileChannel channel, long size) {
    this.path = path;
    this.channel = channel;
    this.size = size;
    this.buffer = alignedBuffer(64 * 1024);
  }

  /**
   * Opens (or creates) the journal for writing from offset 0, or returns null when another process (or another store
   * in this one) has it: only one writer may own a journal, and the owner replays what it holds. The lock goes with
   * the process, a killed one included. Read what the journal holds with {@link #read} after this succeeds.
   */
  static HeartbeatJournal openIfFree(Path path, boolean durable) throws IOException {
    FileChannel channel = durable ? openSynchronous(path)
        : FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    boolean locked;
    try {
      locked = channel.tryLock() != null;
    } catch (java.nio.channels.OverlappingFileLockException inThisProcess) {
      locked = false;
    }
    if (!locked) {
      channel.close();
      return null;
    }
    long size = channel.size();
    HeartbeatJournal journal = new HeartbeatJournal(path, channel, size);
    if (size < PREALLOCATE) {
      journal.grow(PREALLOCATE);
    }
    return journal;
  }

  private static FileChannel openSynchronous(Path path) throws IOException {
    Set<OpenOption> options = new HashSet<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.DSYNC));
    options.add(com.sun.nio.file.ExtendedOpenOption.DIRECT);
    try {
      return FileChannel.open(path, options);
    } catch (IOException | UnsupportedOperationException noDirectIo) {
      // tmpfs and some others refuse O_DIRECT; O_DSYNC alone is as durable, only a little more work for the kernel
      LOG.debug("{}: no direct I/O here ({}), using synchronous buffered writes", path, noDirectIo.toString());
      options.remove(com.sun.nio.file.ExtendedOpenOption.DIRECT);
      return FileChannel.open(path, options);
    }
  }

  Path path() {
    return path;
  }

  /** Bytes written since the last {@link #restart()}. */
  long position() {
    return position;
  }

  /** Appends one group; when this returns, the record is on the device. */
  void append(long group, byte[] payload) throws IOException {
    int length = (int) roundUp(HEADER + payload.length);
    if (buffer.capacity() < length) {
      buffer = alignedBuffer(length);
    }
    if (position + length > size) {
      grow(Math.max(size * 2, position + length));
    }
    buffer.clear();
    buffer.putInt(MAGIC).putInt(payload.length).putLong(group).putInt(checksum(group, payload, 0, payload.length))
        .put(payload);
    while (buffer.position() < length) {
      buffer.put((byte) 0);
    }
    buffer.flip();
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    position += length;
  }

  /** Everything written so far is committed in the database: the next group goes to offset 0. */
  void restart() {
    position = 0;
  }

  /** The records of the current pass, in order (see the class comment); empty for a missing file. */
  static List<Record> read(Path path) throws IOException {
    List<Record> records = new ArrayList<>();
    if (!Files.exists(path)) {
      return records;
    }
    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.BIG_ENDIAN);
    long previous = Long.MIN_VALUE;
    int at = 0;
    while (at + HEADER <= file.limit()) {
      if (file.getInt(at) != MAGIC) {
        break;
      }
      int length = file.getInt(at + 4);
      long group = file.getLong(at + 8);
      int crc = file.getInt(at + 16);
      if (length < 0 || length > file.limit() - at - HEADER || group <= previous) {
        break;
      }
      byte[] payload = new byte[length];
      file.get(at + HEADER, payload);
      if (checksum(group, payload, 0, length) != crc) {
        break;
      }
      records.add(new Record(group, payload));
      previous = group;
      at += (int) roundUp(HEADER + length);
    }
    return records;
  }

  private void grow(long newSize) throws IOException {
    long target = roundUp(newSize);
    ByteBuffer zeros = alignedBuffer(BLOCK * 16);
    for (long at = size; at < target; ) {
      zeros.clear();
      zeros.limit((int) Math.min(zeros.capacity(), target - at));
      at += channel.write(zeros, at);
    }
    channel.force(true); // the new length itself must survive, or records past the old end could vanish
    size = target;
  }

  private static int checksum(long group, byte[] payload, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(8).putLong(0, group));
    crc.update(payload, offset, length);
    return (int) crc.getValue();
  }

  private static long roundUp(long bytes) {
    return (bytes + BLOCK - 1) / BLOCK * BLOCK;
  }

  /** Direct I/O wants the memory, not only the file offset, aligned to the block. */
  private static ByteBuffer alignedBuffer(int capacity) {
    return ByteBuffer.allocateDirect(capacity + BLOCK).alignedSlice(BLOCK).limit(capacity).slice()
        .order(ByteOrder.BIG_ENDIAN);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
