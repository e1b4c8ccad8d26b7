package io.lifeboat.etcd.delta;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import io.lifeboat.error.SourceUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads every event of revisions {@code [from, to]} from one watch over the whole keyspace (with
 * {@code prevKv}) into a {@link DeltaWriter}. The watch's responses pass through a bounded queue:
 * when the writer (compression, encryption, upload) falls behind, jetcd's thread blocks, which
 * stops reading the gRPC stream and lets flow control hold etcd back, so memory stays at {@value
 * #QUEUED_RESPONSES} responses whatever the delta's size.
 */
final class EventWatch {
  private static final int QUEUED_RESPONSES = 16;
  private static final ByteSequence ALL_KEYS = ByteSequence.from(new byte[] {0});
  private static final Object COMPLETED = new Object();

  private final Clock clock;

  EventWatch(Clock clock) {
    this.clock = clock;
  }

  /** Copies revisions {@code from..to} (both included; {@code from <= to}) into {@code writer}. */
  void copy(Client client, String endpoint, long from, long to, DeltaWriter writer, Duration limit)
      throws IOException {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_RESPONSES);
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    Watch.Listener listener =
        Watch.listener(
            response -> hand(queue, response, done),
            failure -> hand(queue, failure, done),
            () -> hand(queue, COMPLETED, done));
    WatchOption option =
        WatchOption.builder().withRange(ALL_KEYS).withRevision(from).withPrevKV(true).build();
    Instant deadline = clock.instant().plus(limit);
    try (Watch.Watcher ignored = client.getWatchClient().watch(ALL_KEYS, option, listener)) {
      long last = from - 1;
      while (last < to) {
        Object next = take(queue, deadline, endpoint, from, to, last);
        if (next instanceof Throwable failure) {
          throw failed(failure, endpoint, from, last);
        }
        if (next == COMPLETED) {
          throw new SourceUnavailableException(
              "etcd watch on " + endpoint + " ended at revision " + last + " before " + to);
        }
        for (WatchEvent event : ((WatchResponse) next).getEvents()) {
          long revision = event.getKeyValue().getModRevision();
          if (revision > to) {
            return;
          }
          writer.event(event);
          last = revision;
        }
      }
    } finally {
      done.set(true);
      queue.clear();
    }
  }

  /** On jetcd's thread: blocks while the queue is full, gives up once the reader is gone. */
  private static void hand(
      BlockingQueue<Object> queue, Object item, java.util.concurrent.atomic.AtomicBoolean done) {
    try {
      while (!done.get() && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // the writer is behind: waiting here is the back-pressure
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Object take(
      BlockingQueue<Object> queue, Instant deadline, String endpoint, long from, long to, long last)
      throws IOException {
    long millis = Duration.between(clock.instant(), deadline).toMillis();
    Object next = null;
    try {
      next = millis > 0 ? queue.poll(millis, TimeUnit.MILLISECONDS) : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted reading etcd events");
    }
    if (next == null) {
      throw new SourceUnavailableException(
          "etcd watch on "
              + endpoint
              + " from revision "
              + from
              + " reached only revision "
              + last
              + " of "
              + to
              + " within lifeboat.etcd.deadline");
    }
    return next;
  }

  private static RuntimeException failed(Throwable failure, String endpoint, long from, long last) {
    if (failure instanceof CompactedException compacted) {
      return new CompactedDuringRun(
          "etcd compacted revision "
              + (last + 1)
              + " while the delta read it (compact revision "
              + compacted.getCompactedRevision()
              + ", watch from "
              + from
              + " on "
              + endpoint
              + "): the next run takes a full snapshot",
          failure);
    }
    return new SourceUnavailableException(
        "etcd watch on " + endpoint + " failed after revision " + last + ": " + failure, failure);
  }

  /** The watch's start was compacted after the run checked it: exit 4, the next run rebases. */
  static final class CompactedDuringRun extends SourceUnavailableException {
    CompactedDuringRun(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
