package dev.deskfeed.agent.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One agent per data directory. Two agents on one store would both record the same desktop and both push the
 * same change log; the second one is refused at start with a message instead. The operating system releases the
 * lock when the process dies, so a kill -9 never leaves a stale lock behind.
 */
public final class AgentLock implements AutoCloseable {

  public static final String NAME = "agent.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private AgentLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static AgentLock acquire(Path dataDir) throws IOException {
    FileChannel channel = FileChannel.open(dataDir.resolve(NAME), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("another Deskfeed agent is running with the data directory " + dataDir
          + "; stop it first (deskfeed status shows it), or give this one another --data");
    }
    return new AgentLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process is ending anyway; the OS drops the lock
    }
  }
}
