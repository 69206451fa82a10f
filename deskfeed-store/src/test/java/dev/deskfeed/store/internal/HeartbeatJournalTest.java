package dev.deskfeed.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file on a real file system: what {@link HeartbeatJournal#read} trusts and where it stops. */
class HeartbeatJournalTest {

  @TempDir
  Path directory;

  private Path file() {
    return directory.resolve("deskfeed.db-heartbeats");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<HeartbeatJournal.Record> records) {
    return records.stream().map(r -> r.group() + ":" + new String(r.payload(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void readsBackEveryAppendedGroupInOrder() throws Exception {
    try (HeartbeatJournal journal = HeartbeatJournal.openIfFree(file(), true)) {
      journal.append(7, bytes("seven"));
      journal.append(8, bytes("eight"));
      journal.append(9, new byte[0]);
      assertThat(journal.position()).isEqualTo(3L * HeartbeatJournal.BLOCK);
    }
    assertThat(texts(HeartbeatJournal.read(file()))).containsExactly("7:seven", "8:eight", "9:");
  }

  @Test
  void onlyOneWriterOwnsAJournalAtATime() throws Exception {
    try (HeartbeatJournal owner = HeartbeatJournal.openIfFree(file(), true)) {
      assertThat(owner).isNotNull();
      assertThat(HeartbeatJournal.openIfFree(file(), true)).as("a second store on the same database").isNull();
    }
    try (HeartbeatJournal next = HeartbeatJournal.openIfFree(file(), true)) {
      assertThat(next).as("once the owner closed it").isNotNull();
    }
  }

  @Test
  void withoutSynchronousWritesTheFormatIsTheSame() throws Exception {
    // synchronous=NORMAL: plain writes, kept by the kernel when the process dies
    try (HeartbeatJournal journal = HeartbeatJournal.openIfFree(file(), false)) {
      journal.append(1, bytes("one"));
      journal.append(2, bytes("two"));
    }
    assertThat(texts(HeartbeatJournal.read(file()))).containsExactly("1:one", "2:two");
  }

  @Test
  void aMissingFileHoldsNothing() throws Exception {
    assertThat(HeartbeatJournal.read(file())).isEmpty();
  }

  @Test
  void aRecordLargerThanTheFileGrowsIt() throws Exception {
    byte[] large = new byte[6 << 20];
    large[large.length - 1] = 42;
    try (HeartbeatJournal journal = HeartbeatJournal.openIfFree(file(), true)) {
      journal.append(1, bytes("small"));
      journal.append(2, large);
    }
    List<HeartbeatJournal.Record> records = HeartbeatJournal.read(file());
    assertThat(records).hasSize(2);
    assertThat(records.get(1).payload()).isEqualTo(large);
  }

  @Test
  void afterARestartTheLeftoversOfTheEarlierPassAreNotRead() throws Exception {
    try (HeartbeatJournal journal = HeartbeatJournal.openIfFree(file(), true)) {
      journal.append(1, bytes("a"));
      journal.append(2, bytes("b"));
      journal.append(3, bytes("c"));
      journal.restart(); // the database committed 1 to 3
      journal.append(4, bytes("d"));
    }
    // block 1 still holds group 2, a valid record of the earlier pass: its lower number ends the current pass
    assertThat(texts(HeartbeatJournal.read(file()))).containsExactly("4:d");
  }

  @Test
  void aTornOrCorruptRecordEndsTheJournalAndHidesNothingBeforeIt() throws Exception {
    try (HeartbeatJournal journal = HeartbeatJournal.openIfFree(file(), true)) {
      journal.append(1, bytes("kept"));
      journal.append(2, bytes("flipped"));
      journal.append(3, bytes("after the damage"));
    }
    try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
      long payloadOfGroupTwo = HeartbeatJournal.BLOCK + 20;
      raw.seek(payloadOfGroupTwo);
      raw.write('F'); // the checksum no longer matches
    }
    assertThat(texts(HeartbeatJournal.read(file()))).containsExactly("1:kept");
  }

  @Test
  void aRecordCutShortByTheEndOfTheFileIsNotRead() throws Exception {
    try (HeartbeatJournal journal = HeartbeatJournal.openIfFree(file(), true)) {
      journal.append(1, bytes("whole"));
      journal.append(2, new byte[3 * HeartbeatJournal.BLOCK]);
    }
    try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
      raw.setLength(2L * HeartbeatJournal.BLOCK); // group 2 needs four blocks from offset 4096
    }
    assertThat(texts(HeartbeatJournal.read(file()))).containsExactly("1:whole");
    assertThat(Files.size(file())).isEqualTo(2L * HeartbeatJournal.BLOCK);
  }
}
