package io.lifeboat.store.s3;

import io.lifeboat.store.ObjectWriter;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Buffers parts in memory: an object that ends before the first part fills is one PutObject;
 * anything larger becomes a multipart upload. One part uploads in the background while the next
 * fills, so producing bytes (etcd, compression, encryption) overlaps the network; memory stays at
 * two parts. Discarding aborts the multipart upload.
 */
final class S3ObjectWriter extends ObjectWriter {
  private static final int INITIAL_BUFFER = 64 * 1024;

  private final S3Client client;
  private final String bucket;
  private final String objectKey;
  private final int partSize;
  private final S3Failures failures;
  private final List<CompletedPart> parts = new ArrayList<>();
  private ExecutorService uploader;
  private Future<CompletedPart> inFlight;
  private byte[] inFlightBuffer;
  private byte[] spare;
  private byte[] buffer;
  private int filled;
  private String uploadId;

  S3ObjectWriter(
      String key,
      S3Client client,
      String bucket,
      String objectKey,
      int partSize,
      S3Failures failures) {
    super(key);
    this.client = client;
    this.bucket = bucket;
    this.objectKey = objectKey;
    this.partSize = partSize;
    this.failures = failures;
    this.buffer = new byte[Math.min(INITIAL_BUFFER, partSize)];
  }

  @Override
  protected void append(byte[] b, int off, int len) {
    while (len > 0) {
      if (filled == buffer.length && buffer.length < partSize) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, partSize));
      }
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == partSize) {
        startPart();
      }
    }
  }

  @Override
  protected void publish() {
    try {
      if (uploadId == null) {
        client.putObject(
            r -> r.bucket(bucket).key(objectKey),
            RequestBody.fromBytes(Arrays.copyOf(buffer, filled)));
        return;
      }
      if (filled > 0) {
        startPart();
      }
      awaitInFlight();
      client.completeMultipartUpload(
          r ->
              r.bucket(bucket)
                  .key(objectKey)
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));
    } catch (SdkException e) {
      throw failures.map(e, "write", key());
    } finally {
      stopUploader();
    }
  }

  @Override
  protected void discard() {
    buffer = null;
    if (inFlight != null) {
      inFlight.cancel(true);
    }
    stopUploader();
    if (uploadId != null) {
      try {
        client.abortMultipartUpload(r -> r.bucket(bucket).key(objectKey).uploadId(uploadId));
      } catch (SdkException e) {
        if (S3Failures.status(e) != 404) {
          throw failures.map(e, "abort upload of", key());
        }
      }
    }
  }

  /** Hands the full buffer to the uploader (after the previous part finished) and swaps buffers. */
  private void startPart() {
    awaitInFlight();
    try {
      if (uploadId == null) {
        uploadId = client.createMultipartUpload(r -> r.bucket(bucket).key(objectKey)).uploadId();
        uploader = Executors.newSingleThreadExecutor(S3ObjectWriter::uploaderThread);
      }
    } catch (SdkException e) {
      throw failures.map(e, "write", key());
    }
    byte[] full = buffer;
    int length = filled;
    int number = parts.size() + 1;
    inFlight = uploader.submit(() -> uploadPart(full, length, number));
    inFlightBuffer = full;
    buffer = spare != null ? spare : new byte[partSize];
    spare = null;
    filled = 0;
  }

  private CompletedPart uploadPart(byte[] bytes, int length, int number) {
    // Fresh streams over the buffer, not fromBytes: the SDK would copy the whole part once more.
    // Each attempt and the payload hash (plain http) read it from the start.
    String etag =
        client
            .uploadPart(
                r -> r.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(number),
                RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(bytes, 0, length),
                    length,
                    "application/octet-stream"))
            .eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      parts.add(inFlight.get());
      spare = inFlightBuffer;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SdkException sdk) {
        throw failures.map(sdk, "write", key());
      }
      throw new IllegalStateException("uploading a part of " + key() + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while uploading " + key(), e);
    } finally {
      inFlight = null;
      inFlightBuffer = null;
    }
  }

  private void stopUploader() {
    if (uploader != null) {
      uploader.shutdownNow();
      uploader = null;
    }
  }

  private static Thread uploaderThread(Runnable task) {
    Thread thread = new Thread(task, "s3-part-upload");
    thread.setDaemon(true);
    return thread;
  }
}
