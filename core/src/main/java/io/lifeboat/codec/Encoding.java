package io.lifeboat.codec;

import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import io.lifeboat.error.InvalidConfigurationException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;

/**
 * How payloads are written: zstd at {@code level} with {@code workers} extra compression threads
 * (0: compress on the calling thread), then age encryption to {@code recipients} when there are
 * any.
 *
 * @param level zstd level ({@code lifeboat.compression.level}; default {@link #SNAPSHOT_LEVEL} for
 *     etcd snapshots, {@link #DEFAULT_LEVEL} for everything else)
 * @param workers zstd worker threads ({@code lifeboat.compression.workers}, default 0)
 * @param recipients age recipients; empty means compressed only
 */
public record Encoding(int level, int workers, AgeRecipients recipients) {
  /** zstd's own default; namespace exports (JSON text, where it stores about 15% less than 1). */
  public static final int DEFAULT_LEVEL = 3;

  /**
   * etcd snapshots: CPU, not bytes, is what a minute-level schedule pays for. On the benchmark's
   * 1-2 GiB Kubernetes-shaped databases level 1 took a third less CPU than 3, cut the job's wall
   * time by about a quarter, and stored no more (bbolt pages of protobuf and key material); see
   * bench/README.md.
   */
  public static final int SNAPSHOT_LEVEL = 1;

  public static final String LEVEL_PROPERTY = "lifeboat.compression.level";
  public static final String WORKERS_PROPERTY = "lifeboat.compression.workers";

  // zstd's own limit on 64-bit builds (ZSTDMT_NBWORKERS_MAX).
  private static final int MAX_WORKERS = 200;
  private static final int BUFFER_SIZE = 64 * 1024;

  public Encoding {
    if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
      throw new InvalidConfigurationException(
          LEVEL_PROPERTY
              + " must be between "
              + Zstd.minCompressionLevel()
              + " and "
              + Zstd.maxCompressionLevel()
              + ", was "
              + level);
    }
    if (workers < 0 || workers > MAX_WORKERS) {
      throw new InvalidConfigurationException(
          WORKERS_PROPERTY + " must be between 0 and " + MAX_WORKERS + ", was " + workers);
    }
    if (recipients == null) {
      throw new IllegalArgumentException("recipients must not be null; use AgeRecipients.none()");
    }
  }

  /** The defaults: level 3, single-threaded, encrypted when {@code recipients} is not empty. */
  public static Encoding of(AgeRecipients recipients) {
    return new Encoding(DEFAULT_LEVEL, 0, recipients);
  }

  public boolean encrypted() {
    return !recipients.isEmpty();
  }

  /** {@code .zst} or {@code .zst.age}. */
  public String suffix() {
    return StoredName.suffix(encrypted());
  }

  /** The stored name of {@code payload} under this encoding, e.g. {@code snapshot.db.zst.age}. */
  public String storedName(String payload) {
    return StoredName.of(payload, encrypted());
  }

  /**
   * A stream that encodes what is written to it into {@code target}, as it arrives (memory stays
   * bounded by zstd's window and age's 64 KiB chunks, whatever the payload size).
   *
   * <p>Ownership: the caller owns {@code target}. Closing the returned stream finishes the zstd
   * frame and the age payload and flushes {@code target}, but never closes it, so that the caller
   * can still commit or discard it. The encoded bytes are complete only after that close; a stream
   * abandoned without closing leaves a truncated object that decoding rejects.
   */
  public OutputStream encode(OutputStream target) throws IOException {
    WritableByteChannel channel = new TargetChannel(target);
    if (encrypted()) {
      try {
        channel =
            new StandardEncryptingChannelFactory()
                .newEncryptingChannel(channel, recipients.stanzaWriters());
      } catch (GeneralSecurityException e) {
        // Recipients were validated when parsed: this is a broken crypto provider, not bad config.
        throw new IllegalStateException("age encryption could not start: " + e.getMessage(), e);
      }
    }
    ZstdOutputStream zstd = new ZstdOutputStream(Channels.newOutputStream(channel), level);
    // Checksums let a flipped byte in an unencrypted object fail loudly, as with `zstd -d`.
    zstd.setChecksum(true);
    if (workers > 0) {
      zstd.setWorkers(workers);
    }
    return new BufferedOutputStream(zstd, BUFFER_SIZE);
  }
}
