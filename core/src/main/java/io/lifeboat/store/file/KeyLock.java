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
 * <p>Lock files ({@code .<name>.lock}) stay in place: deleting one while another process waits on
 * it would let a third process lock a fresh file, and two holders would think they are alone.
 */
final class KeyLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private KeyLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Blocks until this thread holds the lock for {@code target} (whose directory must exist). */
  static KeyLock acquire(Path target) throws IOException {
    Path lockFile =
        target.resolveSibling("." + target.getFileName() + ".lock").toAbsolutePath().normalize();
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
