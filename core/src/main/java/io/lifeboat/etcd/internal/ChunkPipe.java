package io.lifeboat.etcd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bounded hand-off from jetcd's event-loop thread to the worker that verifies, compresses,
 * encrypts and uploads. When the worker falls behind, the producer blocks once the queue is full,
 * which stops reading from the gRPC stream and lets HTTP/2 flow control hold etcd back: memory
 * stays at {@code capacity} chunks whatever the database size.
 */
public final class ChunkPipe {
  private static final byte[] END = new byte[0];
  private static final long OFFER_SLICE_MILLIS = 100;

  /** Sees every chunk on the producer's thread, before it is queued (the snapshot's hash). */
  public interface Tap {
    void accept(byte[] chunk, int offset, int length);
  }

  private final BlockingQueue<byte[]> queue;
  private final Tap tap;
  private volatile Throwable producerFailure;
  private volatile boolean consumerClosed;

  public ChunkPipe(int capacity, Tap tap) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.tap = tap;
  }

  /** Where jetcd writes. Throws IOException once the consumer has given up. */
  public OutputStream sink() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
          byte[] chunk = Arrays.copyOfRange(b, off, off + len);
          tap.accept(chunk, 0, len);
          enqueue(chunk);
        }
      }
    };
  }

  /** The producer finished: the consumer sees end of stream after the queued chunks. */
  public void finish() {
    enqueueQuietly(END);
  }

  /** The producer failed: the consumer sees {@code failure} after the queued chunks. */
  public void fail(Throwable failure) {
    producerFailure = failure;
    enqueueQuietly(END);
  }

  /** The consumer gave up: the producer's next write fails, releasing the event loop. */
  public void close() {
    consumerClosed = true;
    queue.clear();
  }

  /**
   * The consumer's side; reads fail with {@link TimeoutException} as cause past {@code deadline}.
   */
  public InputStream source(Clock clock, Instant deadline) {
    return new InputStream() {
      private byte[] chunk = new byte[0];
      private int position;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (position == chunk.length) {
          if (ended) {
            return -1;
          }
          chunk = next();
          position = 0;
          if (chunk == END) {
            ended = true;
            if (producerFailure != null) {
              throw new IOException("snapshot stream failed", producerFailure);
            }
            return -1;
          }
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
      }

      private byte[] next() throws IOException {
        Duration left = Duration.between(clock.instant(), deadline);
        try {
          byte[] next =
              left.isNegative() ? null : queue.poll(left.toMillis(), TimeUnit.MILLISECONDS);
          if (next == null) {
            throw new IOException("deadline passed", new TimeoutException("deadline " + deadline));
          }
          return next;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for snapshot bytes");
        }
      }
    };
  }

  private void enqueue(byte[] chunk) throws IOException {
    try {
      while (!queue.offer(chunk, OFFER_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
        if (consumerClosed) {
          throw new IOException("snapshot consumer stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing off snapshot bytes");
    }
  }

  private void enqueueQuietly(byte[] marker) {
    try {
      enqueue(marker);
    } catch (IOException consumerGone) {
      // Nobody is reading any more: there is no one to tell.
    }
  }
}
