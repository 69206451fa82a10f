package dev.deskfeed.agent.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read: the agent's data directory holds a person's activity and its configuration
 * holds the ingest token. Writes go to a temporary file that is renamed over the target, so a crash leaves either
 * the old or the new content, never half of it.
 */
public final class PrivateFiles {

  private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
      .contains("posix");

  private PrivateFiles() {}

  /** Creates the directory (mode 0700 on POSIX) and its parents when missing. */
  public static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (dir.getParent() != null) {
      Files.createDirectories(dir.getParent());
    }
    try {
      Files.createDirectory(dir, attributes("rwx------"));
    } catch (FileAlreadyExistsException e) {
      // created concurrently: fine
    }
  }

  /** Replaces {@code file} with {@code content} (mode 0600 on POSIX), atomically where the file system can. */
  public static void writeAtomically(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    createDirectory(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes("rw-------"));
    try {
      Files.writeString(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static FileAttribute<?>[] attributes(String permissions) {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
  }
}
