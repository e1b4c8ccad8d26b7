package io.lifeboat.restore.namespace.internal;

import io.lifeboat.error.LocationUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The archive's objects, as read, in one temporary file: a restore's plan holds only their places
 * in memory and reads a batch back when it needs it. The file holds Secrets in clear, so it lives
 * in a directory only the process's user can enter ({@code 0700}), is itself {@code 0600}, and both
 * go on {@link #close()} (also after a failed restore).
 */
public final class ObjectSpill implements AutoCloseable {
  private final Path directory;
  private final Path file;
  private final FileChannel channel;
  private long size;

  /** Where one object's JSON is in the spill file. */
  public record Slot(long offset, int length) {}

  public ObjectSpill() {
    try {
      directory =
          Files.createTempDirectory(
              "lifeboat-restore-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      file = directory.resolve("objects");
      // A safety net only (a plan left unclosed, an exception): close() removes both at once.
      directory.toFile().deleteOnExit();
      file.toFile().deleteOnExit();
      channel =
          FileChannel.open(
              file,
              Set.of(
                  StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new LocationUnavailableException(
          "cannot create the restore's temporary directory under "
              + System.getProperty("java.io.tmpdir")
              + " (java.io.tmpdir): "
              + e.getMessage(),
          e);
    }
  }

  /** The directory holding the spill file (for tests: its permissions, that it goes). */
  public Path directory() {
    return directory;
  }

  public Slot append(byte[] json) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(json);
      long offset = size;
      while (buffer.hasRemaining()) {
        size += channel.write(buffer, size);
      }
      return new Slot(offset, json.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the restore's temporary file " + file, e);
    }
  }

  /** One object's bytes; safe from several threads. */
  public byte[] read(Slot slot) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(slot.length());
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, slot.offset() + buffer.position()) < 0) {
          throw new IOException("ends early");
        }
      }
      return buffer.array();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the restore's temporary file " + file, e);
    }
  }

  /** Bytes spilled so far. */
  public long size() {
    return size;
  }

  @Override
  public void close() {
    try {
      channel.close();
      Files.deleteIfExists(file);
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the restore's temporary files " + directory, e);
    }
  }
}
