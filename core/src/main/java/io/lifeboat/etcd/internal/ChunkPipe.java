package io.lifeboat.etcd.internal;

import com.google.protobuf.ByteOutput;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.etcd.jetcd.maintenance.SnapshotResponse;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bounded hand-off from jetcd's event-loop thread to the worker that verifies, compresses,
 * encrypts and uploads. When the worker falls behind, the producer blocks once the queue is full,
 * which stops reading from the gRPC stream and lets HTTP/2 flow control hold etcd back: memory
 * stays at {@code capacity} chunks whatever the database size.
 *
 * <p>The chunks are the responses' own {@link ByteString}s, passed on without a copy: a {@code
 * ByteString} is immutable, and its bytes reach the tap and the consumer through {@link
 * UnsafeByteOperations#unsafeWriteTo}, so neither side may modify the array it is shown. Through
 * jetcd's {@code OutputStream} variant every 32 KiB blob was copied twice more (protobuf's
 * defensive {@code toByteArray()} and the queue's own copy): half of all the bytes a snapshot run
 * allocated, and the garbage collections that went with them.
 */
public final class ChunkPipe {
  /** Queued after the last chunk; compared by identity, never written. */
  private static final ByteString END = ByteString.copyFromUtf8("end of snapshot");

  private static final long OFFER_SLICE_MILLIS = 100;

  /** Sees every chunk on the producer's thread, before it is queued (the snapshot's hash). */
  public interface Tap {
    void accept(byte[] chunk, int offset, int length);
  }

  /** Where the consumer's chunks go: shown the chunk's own bytes, which it must not modify. */
  public interface Target {
    void write(byte[] chunk, int offset, int length) throws IOException;
  }

  private final BlockingQueue<ByteString> queue;
  private final Tap tap;
  private volatile Throwable producerFailure;

  /** Set when the producer was interrupted before queueing a chunk: the stream has a hole. */
  private volatile InterruptedIOException lost;

  private volatile boolean consumerClosed;

  public ChunkPipe(int capacity, Tap tap) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.tap = tap;
  }

  /**
   * Where jetcd delivers the snapshot. Once the consumer has given up, further chunks are dropped
   * and the event loop is released; the consumer closes the client, which cancels the call.
   */
  public StreamObserver<SnapshotResponse> sink() {
    return new StreamObserver<>() {
      @Override
      public void onNext(SnapshotResponse response) {
        ByteString blob = response.getBlob();
        if (!blob.isEmpty() && !consumerClosed) {
          try {
            writeTo(blob, tap::accept);
          } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen); // the tap throws nothing
          }
          enqueue(blob);
        }
      }

      @Override
      public void onError(Throwable failure) {
        fail(failure);
      }

      @Override
      public void onCompleted() {
        finish();
      }
    };
  }

  /** The producer finished: the consumer sees end of stream after the queued chunks. */
  public void finish() {
    enqueue(END);
  }

  /** The producer failed: the consumer sees {@code failure} after the queued chunks. */
  public void fail(Throwable failure) {
    producerFailure = failure;
    enqueue(END);
  }

  /** The consumer gave up: the producer's pending and later chunks are dropped. */
  public void close() {
    consumerClosed = true;
    queue.clear();
  }

  /**
   * The consumer's side. {@link Source#transferTo} writes the next chunk into a target and returns
   * its length, or -1 at the end; it fails with {@link TimeoutException} as cause past {@code
   * deadline}, and with the producer's failure once the chunks before it are written. If a chunk
   * was lost (the producer interrupted while the queue was full), it fails at once: the hash was
   * taken over bytes the consumer would never see.
   */
  public Source source(Clock clock, Instant deadline) {
    return new Source() {
      private boolean ended;

      @Override
      public int transferTo(Target target) throws IOException {
        if (ended) {
          return -1;
        }
        ByteString chunk = next(clock, deadline);
        if (chunk == END) {
          ended = true;
          if (producerFailure != null) {
            throw new IOException("snapshot stream failed", producerFailure);
          }
          return -1;
        }
        writeTo(chunk, target);
        return chunk.size();
      }
    };
  }

  /** The consumer's side of the pipe. */
  public interface Source {
    int transferTo(Target target) throws IOException;
  }

  private ByteString next(Clock clock, Instant deadline) throws IOException {
    try {
      while (true) {
        if (lost != null) {
          throw new IOException("snapshot stream lost a chunk", lost);
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative()) {
          throw new IOException("deadline passed", new TimeoutException("deadline " + deadline));
        }
        ByteString next =
            queue.poll(Math.min(left.toMillis(), OFFER_SLICE_MILLIS), TimeUnit.MILLISECONDS);
        if (next != null && lost == null) {
          return next; // a chunk queued after a lost one is refused at the top of the loop
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for snapshot bytes");
    }
  }

  /** Blocks while the queue is full, in slices, until the consumer takes it or gives up. */
  private void enqueue(ByteString chunk) {
    try {
      while (!consumerClosed && !queue.offer(chunk, OFFER_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
        // The consumer is behind: hold the event loop, which holds etcd back by flow control.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lost = new InterruptedIOException("interrupted while handing off snapshot bytes");
    }
  }

  /** Shows {@code chunk}'s own bytes to {@code target}, without copying them. */
  private static void writeTo(ByteString chunk, Target target) throws IOException {
    UnsafeByteOperations.unsafeWriteTo(chunk, new ArrayOutput(target));
  }

  /** Protobuf's {@link ByteOutput} onto a {@link Target}: every write ends as an array write. */
  private static final class ArrayOutput extends ByteOutput {
    private final Target target;

    ArrayOutput(Target target) {
      this.target = target;
    }

    @Override
    public void write(byte value) throws IOException {
      target.write(new byte[] {value}, 0, 1);
    }

    @Override
    public void write(byte[] value, int offset, int length) throws IOException {
      target.write(value, offset, length);
    }

    @Override
    public void writeLazy(byte[] value, int offset, int length) throws IOException {
      target.write(value, offset, length);
    }

    @Override
    public void write(ByteBuffer value) throws IOException {
      if (value.hasArray()) {
        target.write(value.array(), value.arrayOffset() + value.position(), value.remaining());
      } else {
        byte[] copy = new byte[value.remaining()];
        value.duplicate().get(copy);
        target.write(copy, 0, copy.length);
      }
    }

    @Override
    public void writeLazy(ByteBuffer value) throws IOException {
      write(value);
    }
  }
}
