package io.lifeboat.store.s3;

import io.lifeboat.error.NotFoundException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.IncompleteUpload;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectKeys;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.VersionedObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * An S3 (or S3-compatible) bucket, optionally under a key prefix. Keys given to and returned by
 * this store are relative to the prefix. Conditional writes use If-None-Match/If-Match; a 412 (or a
 * 409 ConditionalRequestConflict) is "condition did not hold". Etags are the server's ETag without
 * its quotes: opaque, only ever compared with etags from the same store. Retries are the SDK's
 * (standard mode when built by {@link io.lifeboat.store.location.Locations}). Closing the store
 * closes the client.
 */
public final class S3ObjectStore implements ObjectStore {
  /** Default multipart part size: 8 MiB, as the AWS CLI uses. */
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  /** The S3 minimum size of every part but the last. */
  public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  private static final int DELETE_BATCH = 1000;

  private final S3Client client;
  private final String bucket;
  private final String prefix;
  private final int partSize;
  private final String location;
  private final S3Failures failures;

  public S3ObjectStore(S3Client client, String bucket, String prefix) {
    this(client, bucket, prefix, DEFAULT_PART_SIZE);
  }

  /**
   * @param prefix key prefix inside the bucket, "" for none; a trailing '/' is added when missing
   * @param partSize bytes buffered per multipart part, at least {@link #MIN_PART_SIZE}
   */
  public S3ObjectStore(S3Client client, String bucket, String prefix, int partSize) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "part size must be at least " + MIN_PART_SIZE + " bytes (5 MiB), was " + partSize);
    }
    this.client = client;
    this.bucket = bucket;
    String trimmed = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    this.prefix = trimmed.isEmpty() ? "" : ObjectKeys.requireValid(trimmed) + "/";
    this.partSize = partSize;
    this.location = "s3://" + bucket + "/" + this.prefix;
    String endpoint =
        client
            .serviceClientConfiguration()
            .endpointOverride()
            .map(URI::toString)
            .orElse("the AWS endpoint of region " + client.serviceClientConfiguration().region());
    this.failures = new S3Failures(location, bucket, endpoint);
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public ObjectWriter openWriter(String key) {
    return new S3ObjectWriter(key, client, bucket, objectKey(key), partSize, failures);
  }

  @Override
  public Optional<String> put(String key, byte[] content, Condition condition) {
    PutObjectRequest.Builder request =
        PutObjectRequest.builder().bucket(bucket).key(objectKey(key));
    if (condition instanceof Condition.IfAbsent) {
      request.ifNoneMatch("*");
    } else if (condition instanceof Condition.IfMatch match) {
      request.ifMatch(quoted(match.etag()));
    }
    try {
      String etag = client.putObject(request.build(), RequestBody.fromBytes(content)).eTag();
      return Optional.of(unquoted(etag));
    } catch (SdkException e) {
      if (S3Failures.isPreconditionFailed(e)
          || (condition instanceof Condition.IfMatch && S3Failures.isNotFound(e))) {
        return Optional.empty();
      }
      if (S3Failures.isConditionalConflict(e)) {
        throw failures.conflict(e, "put", key);
      }
      throw failures.map(e, "put", key);
    }
  }

  @Override
  public InputStream get(String key) {
    String objectKey = objectKey(key);
    try {
      return client.getObject(r -> r.bucket(bucket).key(objectKey));
    } catch (SdkException e) {
      throw failures.map(e, "get", key);
    }
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "range of '" + key + "' must not be negative, was " + offset + "+" + length);
    }
    String objectKey = objectKey(key);
    if (length == 0) {
      stat(key).orElseThrow(() -> notFound(key));
      return InputStream.nullInputStream();
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return client.getObject(r -> r.bucket(bucket).key(objectKey).range(range));
    } catch (SdkException e) {
      if (S3Failures.status(e) == 416) {
        return new ByteArrayInputStream(new byte[0]); // offset at or past the end
      }
      throw failures.map(e, "get", key);
    }
  }

  @Override
  public Optional<VersionedObject> read(String key) {
    String objectKey = objectKey(key);
    try {
      var response = client.getObjectAsBytes(r -> r.bucket(bucket).key(objectKey));
      return Optional.of(
          new VersionedObject(response.asByteArray(), unquoted(response.response().eTag())));
    } catch (SdkException e) {
      if (S3Failures.isNotFound(e)) {
        return Optional.empty();
      }
      throw failures.map(e, "read", key);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    String objectKey = objectKey(key);
    try {
      HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(objectKey));
      return Optional.of(
          new ObjectInfo(key, head.contentLength(), head.lastModified(), unquoted(head.eTag())));
    } catch (SdkException e) {
      if (S3Failures.isNotFound(e)) {
        return Optional.empty();
      }
      throw failures.map(e, "stat", key);
    }
  }

  @Override
  public Stream<ObjectInfo> list(String keyPrefix) {
    ObjectKeys.requireValidPrefix(keyPrefix);
    return MappedIterators.stream(
        () ->
            client
                .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix + keyPrefix))
                .contents()
                .iterator(),
        o -> new ObjectInfo(relative(o.key()), o.size(), o.lastModified(), unquoted(o.eTag())),
        e -> failures.map(e, "list", keyPrefix));
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    List<String> all = keys.stream().map(this::objectKey).distinct().toList();
    Set<String> refusedKeys = new HashSet<>();
    Map<String, String> refused = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += DELETE_BATCH) {
      List<ObjectIdentifier> batch =
          all.subList(from, Math.min(from + DELETE_BATCH, all.size())).stream()
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      DeleteObjectsResponse response;
      try {
        response =
            client.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
      } catch (SdkException e) {
        throw failures.map(e, "delete", batch.get(0).key());
      }
      for (S3Error error : response.errors()) {
        refusedKeys.add(error.key());
        refused.put(relative(error.key()), error.code() + ": " + error.message());
      }
    }
    List<String> deleted = new ArrayList<>();
    for (String key : all) {
      if (!refusedKeys.contains(key)) {
        deleted.add(relative(key));
      }
    }
    return new DeleteResult(deleted, refused);
  }

  @Override
  public boolean deleteIfMatch(String key, String etag) {
    String objectKey = objectKey(key);
    // Some servers (S3Proxy 4.1) answer 204 to a conditional DELETE of an absent key: look first,
    // so "gone" is false everywhere. A present key with another etag is still sent the conditional
    // DELETE: the store, not this HEAD, must refuse it (repo init's probe relies on that, and a
    // store that ignores If-Match on DELETE could otherwise release a successor's lease unseen).
    if (stat(key).isEmpty()) {
      return false;
    }
    try {
      client.deleteObject(r -> r.bucket(bucket).key(objectKey).ifMatch(quoted(etag)));
      return true;
    } catch (SdkException e) {
      if (S3Failures.isPreconditionFailed(e) || S3Failures.isNotFound(e)) {
        return false;
      }
      if (S3Failures.isConditionalConflict(e)) {
        throw failures.conflict(e, "delete", key);
      }
      throw failures.map(e, "delete", key);
    }
  }

  @Override
  public List<IncompleteUpload> listIncompleteUploads(String keyPrefix) {
    ObjectKeys.requireValidPrefix(keyPrefix);
    try {
      return client
          .listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(prefix + keyPrefix))
          .uploads()
          .stream()
          .map(u -> new IncompleteUpload(relative(u.key()), u.uploadId(), u.initiated()))
          .toList();
    } catch (SdkException e) {
      throw failures.map(e, "list incomplete uploads", keyPrefix);
    }
  }

  @Override
  public void abortUpload(IncompleteUpload upload) {
    String objectKey = objectKey(upload.key());
    try {
      client.abortMultipartUpload(r -> r.bucket(bucket).key(objectKey).uploadId(upload.uploadId()));
    } catch (SdkException e) {
      if (S3Failures.status(e) != 404) {
        throw failures.map(e, "abort upload of", upload.key());
      }
    }
  }

  @Override
  public io.lifeboat.store.BucketProtections protections() {
    return S3Protections.of(client, bucket);
  }

  @Override
  public void close() {
    client.close();
  }

  private String objectKey(String key) {
    return prefix + ObjectKeys.requireValid(key);
  }

  private String relative(String objectKey) {
    return objectKey.substring(prefix.length());
  }

  private NotFoundException notFound(String key) {
    return new NotFoundException("object '" + key + "' not found under " + location);
  }

  private static String quoted(String etag) {
    return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
  }

  private static String unquoted(String etag) {
    if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
      return etag.substring(1, etag.length() - 1);
    }
    return etag;
  }
}
