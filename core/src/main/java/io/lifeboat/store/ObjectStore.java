package io.lifeboat.store;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An object store holding Lifeboat's repository: S3 or a local directory. Keys are relative to the
 * location's prefix, use '/' as separator and never start with '/'. The store knows nothing about
 * backups; the repository layer gives keys their meaning.
 *
 * <p>Contract shared by every adapter (checked by one conformance suite):
 *
 * <ul>
 *   <li>A key is visible only once fully written: {@link ObjectWriter#commit()} or {@link #put}.
 *   <li>Conditional writes are atomic: of many racing {@code put(k, b, ifAbsent())} exactly one
 *       returns an etag; a stale {@code ifMatch} etag never overwrites.
 *   <li>"Not found" is {@link io.lifeboat.error.NotFoundException} from {@link #get}, an empty
 *       optional from {@link #read}/{@link #stat}, and success from {@link #delete}.
 *   <li>Failures to reach or use the location are {@link
 *       io.lifeboat.error.LocationUnavailableException}.
 * </ul>
 */
public interface ObjectStore extends AutoCloseable {

  /** Where this store points, for messages: {@code s3://bucket/prefix/} or {@code file:///dir/}. */
  String location();

  /**
   * Opens a streaming writer for {@code key} (multipart on S3 above the part size). Nothing is
   * visible until {@link ObjectWriter#commit()}; closing without committing discards the bytes and
   * aborts the upload. An existing object is replaced on commit.
   */
  ObjectWriter openWriter(String key);

  /**
   * Writes a small object under a condition.
   *
   * @return the new etag, or empty when the condition did not hold (HTTP 412)
   */
  Optional<String> put(String key, byte[] content, Condition condition);

  /** Streams the whole object. Throws NotFoundException when it does not exist. */
  InputStream get(String key);

  /** Streams {@code length} bytes from {@code offset} (fewer at the end of the object). */
  InputStream get(String key, long offset, long length);

  /** Reads a small object with its etag, for read-modify-write with {@link Condition#ifMatch}. */
  Optional<VersionedObject> read(String key);

  /** Size, modification time and (where cheap) etag of one object. */
  Optional<ObjectInfo> stat(String key);

  /**
   * Every object whose key starts with {@code prefix}, in lexicographic key order, fetched page by
   * page as the stream is consumed. Close the stream.
   */
  Stream<ObjectInfo> list(String prefix);

  /**
   * Deletes keys (in batches of 1,000 on S3). Absent keys count as deleted. Objects the store
   * refuses to delete (S3 Object Lock, AccessDenied) are reported in the result, not thrown.
   */
  DeleteResult delete(Collection<String> keys);

  /**
   * Deletes {@code key} only if its etag is still {@code etag}; false when it changed or is gone.
   * The condition is the store's to check: a present key is always sent the conditional delete, so
   * a store ignoring If-Match on DELETE shows (repo init's probe refuses such a store).
   */
  boolean deleteIfMatch(String key, String etag);

  /** Uploads started under {@code prefix} and never completed or aborted. */
  List<IncompleteUpload> listIncompleteUploads(String prefix);

  /** Aborts one incomplete upload; aborting one that is already gone is not an error. */
  void abortUpload(IncompleteUpload upload);

  /**
   * What the store does against overwrites by a put-only identity (bucket versioning, Object Lock
   * with a default retention). Never throws for a store that cannot tell: a refused or unknown call
   * is {@link BucketProtections.Status#UNKNOWN} with the reason. Wrappers forward it.
   */
  default BucketProtections protections() {
    return BucketProtections.unknown(getClass().getSimpleName() + " cannot tell");
  }

  @Override
  void close();
}
