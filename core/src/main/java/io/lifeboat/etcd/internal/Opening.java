package io.lifeboat.etcd.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A resource opened on a thread of its own while the caller does something else (the etcd member is
 * chosen while the repository is checked and the slot claimed: each waits on a different server).
 * The caller either {@link #take takes} it, and closes it itself, or closes the opening, which
 * closes the resource now or, if it is still being opened, as soon as it is: nothing opened here is
 * left open.
 */
public final class Opening<T extends AutoCloseable> implements AutoCloseable {
  private final String name;
  private final CompletableFuture<T> opened = new CompletableFuture<>();
  private boolean taken;
  private boolean closed;

  private Opening(String name) {
    this.name = name;
  }

  /** Starts {@code open} on a daemon thread named {@code name} (also named in failures). */
  public static <T extends AutoCloseable> Opening<T> start(String name, Supplier<T> open) {
    Opening<T> opening = new Opening<>(name);
    Thread thread = new Thread(() -> opening.run(open), name);
    thread.setDaemon(true);
    thread.start();
    return opening;
  }

  private void run(Supplier<T> open) {
    T resource;
    try {
      resource = open.get();
    } catch (RuntimeException | Error e) {
      opened.completeExceptionally(e);
      return;
    }
    synchronized (this) {
      if (!closed) {
        opened.complete(resource);
        return;
      }
    }
    // Closed while opening: nobody may take it now, and a late take must not wait forever.
    opened.completeExceptionally(
        new IllegalStateException(name + " was closed before it was taken"));
    closeQuietly(resource);
  }

  /**
   * Waits for the resource and hands it over: the caller closes it from now on. What opening it
   * threw is thrown here, unchanged, so the caller reports it as if it had opened it itself.
   */
  public T take() {
    T resource;
    try {
      resource = opened.get();
    } catch (InterruptedException e) {
      // The run was abandoned (its deadline): what it waited for is closed with the opening.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(name + " failed", e.getCause());
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("taken after the opening was closed");
      }
      taken = true;
    }
    return resource;
  }

  /** Closes the resource unless it was taken; one still being opened is closed when it opens. */
  @Override
  public void close() {
    T resource;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (taken || !opened.isDone() || opened.isCompletedExceptionally()) {
        return;
      }
      resource = opened.join();
    }
    closeQuietly(resource);
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // Nobody uses it; a failure to close is not the run's outcome.
    }
  }
}
