package io.lifeboat.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive lock on one key, across threads and processes. A {@link FileChannel#lock()} is held per
 * process (a second lock from the same JVM throws OverlappingFileLockException), so threads first
 * take an in-JVM lock for the same lock file, then the file lock keeps other processes out.
 *
 * <p>Keys share {@value #STRIPES} lock files in {@code <root>/.locks/}, chosen by the key's hash
 * (the same in every JVM). They are never deleted (deleting one while another process waits on it
 * would let a third lock a fresh file, and two holders would think they are alone), and never grow
 * in number: the old per-key {@code .<name>.lock} files grew by one per claimed slot, forever. Two
 * keys on one stripe only wait for each other; conditional writes are short.
 */
final class KeyLock implements AutoCloseable {
  static final int STRIPES = 64;
  static final String DIRECTORY = ".locks";
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private KeyLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Blocks until this thread holds the lock for {@code key} of the store at {@code root}. */
  static KeyLock acquire(Path root, String key) throws IOException {
    Path directory = root.resolve(DIRECTORY);
    OwnerOnly.createDirectories(directory);
    Path lockFile =
        directory
            .resolve(String.format("%02d.lock", Math.floorMod(key.hashCode(), STRIPES)))
            .toAbsolutePath()
            .normalize();
    ReentrantLock threadLock = IN_JVM.computeIfAbsent(lockFile, p -> new ReentrantLock());
    threadLock.lock();
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              lockFile,
              java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              OwnerOnly.file());
      return new KeyLock(threadLock, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      fileLock.release();
      channel.close();
    } finally {
      threadLock.unlock();
    }
  }
}
