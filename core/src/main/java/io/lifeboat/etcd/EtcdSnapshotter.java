package io.lifeboat.etcd;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.etcd.internal.ChunkPipe;
import io.lifeboat.etcd.internal.EtcdClients;
import io.lifeboat.etcd.internal.EtcdFailures;
import io.lifeboat.etcd.internal.SnapshotVerifier;
import io.lifeboat.progress.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Streams one member's snapshot ({@code Maintenance.snapshot}) through a bounded hand-off into a
 * target stream, verifying it on the way. The bytes written are exactly what {@code etcdctl
 * snapshot save} writes, trailing hash included. On any failure the jetcd client is closed, which
 * cancels the gRPC call, and the target must be discarded by the caller: nothing partial may be
 * committed.
 */
public final class EtcdSnapshotter {
  private static final Logger LOG = Logger.getLogger(EtcdSnapshotter.class);

  /**
   * 32 chunks of etcd's 32 KiB blobs: 1 MiB in flight at most. More buffers nothing useful (the
   * worker is the slower side, so a bigger queue is simply always full) and costs garbage
   * collection: every queued chunk survives young collections and is copied, and with 256 chunks (8
   * MiB) the old generation filled and forced dozens of full collections per GiB.
   */
  public static final int DEFAULT_BUFFER_CHUNKS = 32;

  private final EtcdSettings settings;
  private final Clock clock;
  private final EtcdClients clients;
  private final int bufferChunks;

  public EtcdSnapshotter(EtcdSettings settings, Clock clock, int bufferChunks) {
    this.settings = settings;
    this.clock = clock;
    this.clients = new EtcdClients(settings);
    this.bufferChunks = bufferChunks;
  }

  /** What was snapshotted: the member (read before the RPC), size and trailing hash, timings. */
  public record Result(
      MemberStatus member, long size, String sha256, Duration toFirstByte, Duration duration) {}

  /** The member to snapshot, its client open; the caller closes it, or hands it to a snapshot. */
  public ConnectedMember selectMember() {
    return new MemberSelector(settings, clients).connect();
  }

  /** Snapshots {@code member} into {@code target}; the deadline counts from now. */
  public Result snapshot(ConnectedMember member, OutputStream target) {
    return snapshot(member, target, Progress.NONE);
  }

  /**
   * As {@link #snapshot(ConnectedMember, OutputStream)}, telling {@code progress} the bytes read
   * from etcd so far of about the member's database size plus the trailing hash (an estimate: the
   * database may grow or shrink between the status call and the snapshot). The snapshot is read
   * through the client that read the member's status, which is closed when it returns or fails.
   */
  public Result snapshot(ConnectedMember member, OutputStream target, Progress progress) {
    Instant start = clock.instant();
    Instant deadline = start.plus(settings.deadline());
    // The hash is computed on jetcd's thread as bytes arrive, so it runs beside compression,
    // encryption and upload on the worker instead of adding to them.
    SnapshotVerifier verifier = new SnapshotVerifier();
    ChunkPipe pipe = new ChunkPipe(bufferChunks, verifier::update);
    try (member) {
      member.client().getMaintenanceClient().snapshot(pipe.sink());
      return copyVerified(
          member.status(),
          pipe.source(clock, deadline),
          target,
          new Copy(start, Progress.orNone(progress), expectedSize(member.status())),
          verifier);
    } finally {
      pipe.close();
    }
  }

  /**
   * Copies the pipe into {@code target}; the verifier was fed by the producer, and the queue's
   * hand-off makes its state visible here once the end of the stream has been read.
   */
  private Result copyVerified(
      MemberStatus member,
      ChunkPipe.Source source,
      OutputStream target,
      Copy copy,
      SnapshotVerifier verifier) {
    Instant start = copy.start();
    Duration[] toFirstByte = {null};
    ChunkPipe.Target written =
        (chunk, offset, length) -> {
          if (toFirstByte[0] == null) {
            Instant first = clock.instant();
            toFirstByte[0] = Duration.between(start, first);
            // bench/run.sh reads this line to time process start -> first etcd byte.
            LOG.debugf(
                "first snapshot byte from %s at epoch-ms %d, %d ms after the snapshot call",
                member.endpoint(), first.toEpochMilli(), toFirstByte[0].toMillis());
          }
          writeTarget(target, chunk, offset, length);
        };
    long copied = 0;
    while (true) {
      int n = transfer(member, source, written, copied);
      if (n < 0) {
        break;
      }
      copied += n;
      copy.progress().advanced(copied, copy.expected());
    }
    String sha256 = verifier.verify(member.endpoint().toString());
    if (copied != verifier.size()) {
      // The hash was taken as bytes arrived; the target must have had every one of them.
      throw new IntegrityException(
          "etcd snapshot from "
              + member.endpoint()
              + ": "
              + verifier.size()
              + " bytes verified but "
              + copied
              + " written: nothing is committed");
    }
    return new Result(
        member, verifier.size(), sha256, toFirstByte[0], Duration.between(start, clock.instant()));
  }

  /** When the copy began, whom to tell, and how many bytes are expected. */
  private record Copy(Instant start, Progress progress, long expected) {}

  /** The database size etcd reported plus the 32-byte hash it appends; unknown if it said 0. */
  private static long expectedSize(MemberStatus member) {
    return member.dbSize() > 0 ? member.dbSize() + 32 : Progress.UNKNOWN;
  }

  /**
   * The next chunk into {@code target}; an IOException here is the source's (a target's failure is
   * already a {@link LifeboatException}, see {@link #writeTarget}).
   */
  private int transfer(
      MemberStatus member, ChunkPipe.Source source, ChunkPipe.Target target, long sofar) {
    try {
      return source.transferTo(target);
    } catch (IOException e) {
      if (e.getCause() instanceof TimeoutException) {
        throw new SourceUnavailableException(
            "etcd snapshot from "
                + member.endpoint()
                + " exceeded lifeboat.etcd.deadline ("
                + settings.deadline()
                + ") after "
                + sofar
                + " bytes");
      }
      LifeboatException failure =
          EtcdFailures.unavailable(
              member.endpoint(),
              "snapshot (after " + sofar + " bytes)",
              e.getCause() == null ? e : e.getCause(),
              settings);
      throw failure;
    }
  }

  private static void writeTarget(OutputStream target, byte[] chunk, int offset, int length) {
    try {
      target.write(chunk, offset, length);
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof LifeboatException lifeboat) {
          throw lifeboat;
        }
      }
      throw new LocationUnavailableException("writing the snapshot failed: " + e.getMessage(), e);
    }
  }
}
