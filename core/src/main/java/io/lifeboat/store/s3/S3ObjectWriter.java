package io.lifeboat.store.s3;

import io.lifeboat.store.ObjectWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Buffers one part in memory: an object that ends before the first part fills is one PutObject;
 * anything larger becomes a multipart upload, each full buffer one UploadPart (synchronously, so
 * memory stays at one part). Discarding aborts the multipart upload.
 */
final class S3ObjectWriter extends ObjectWriter {
  private static final int INITIAL_BUFFER = 64 * 1024;

  private final S3Client client;
  private final String bucket;
  private final String objectKey;
  private final int partSize;
  private final S3Failures failures;
  private final List<CompletedPart> parts = new ArrayList<>();
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
        uploadPart();
      }
    }
  }

  @Override
  protected void publish() {
    try {
      if (uploadId == null) {
        client.putObject(
            r -> r.bucket(bucket).key(objectKey), RequestBody.fromBytes(copyOfFilled()));
        return;
      }
      if (filled > 0) {
        uploadPart();
      }
      client.completeMultipartUpload(
          r ->
              r.bucket(bucket)
                  .key(objectKey)
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));
    } catch (SdkException e) {
      throw failures.map(e, "write", key());
    }
  }

  @Override
  protected void discard() {
    buffer = null;
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

  private void uploadPart() {
    try {
      if (uploadId == null) {
        uploadId = client.createMultipartUpload(r -> r.bucket(bucket).key(objectKey)).uploadId();
      }
      int number = parts.size() + 1;
      String etag =
          client
              .uploadPart(
                  r -> r.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(number),
                  RequestBody.fromBytes(copyOfFilled()))
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      filled = 0;
    } catch (SdkException e) {
      throw failures.map(e, "write", key());
    }
  }

  private byte[] copyOfFilled() {
    return filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
  }
}
