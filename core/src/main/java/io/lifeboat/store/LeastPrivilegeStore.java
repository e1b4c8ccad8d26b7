package io.lifeboat.store;

import io.lifeboat.error.LocationUnavailableException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a backup run's credentials allow: writing objects (plain and conditional, streaming with
 * multipart and its abort) under a few key prefixes, and reading keys under a few others. Listing,
 * other reads, other writes and every delete are refused like S3's AccessDenied. Backup use-cases
 * run against it in tests, which proves they need no more than the put-only policy in {@code
 * docs/s3-policies.md}: a compromised cluster's credentials can neither read nor delete past
 * backups, nor write a prune lease or the repository descriptor.
 */
public final class LeastPrivilegeStore implements ObjectStore {
  private final ObjectStore delegate;
  private final Set<String> readable;
  private final Set<String> writable;
  private final Set<String> listable;

  /**
   * @param readablePrefixes keys starting with one of these may be read ({@code GetObject})
   * @param writablePrefixes keys starting with one of these may be written ({@code PutObject},
   *     multipart and its abort)
   */
  public LeastPrivilegeStore(
      ObjectStore delegate, Set<String> readablePrefixes, Set<String> writablePrefixes) {
    this(delegate, readablePrefixes, writablePrefixes, Set.of());
  }

  /**
   * @param listablePrefixes a LIST whose prefix starts with one of these is allowed ({@code
   *     s3:ListBucket} with an {@code s3:prefix} condition); every other LIST is refused
   */
  public LeastPrivilegeStore(
      ObjectStore delegate,
      Set<String> readablePrefixes,
      Set<String> writablePrefixes,
      Set<String> listablePrefixes) {
    this.delegate = delegate;
    this.readable = Set.copyOf(readablePrefixes);
    this.writable = Set.copyOf(writablePrefixes);
    this.listable = Set.copyOf(listablePrefixes);
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public ObjectWriter openWriter(String key) {
    return delegate.openWriter(allowed("write", writable, key));
  }

  @Override
  public Optional<String> put(String key, byte[] content, Condition condition) {
    return delegate.put(allowed("write", writable, key), content, condition);
  }

  @Override
  public InputStream get(String key) {
    return delegate.get(allowedRead(key));
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    return delegate.get(allowedRead(key), offset, length);
  }

  @Override
  public Optional<VersionedObject> read(String key) {
    return delegate.read(allowedRead(key));
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    return delegate.stat(allowedRead(key));
  }

  @Override
  public Stream<ObjectInfo> list(String prefix) {
    return delegate.list(allowed("list", listable, prefix));
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    throw denied("delete", keys.isEmpty() ? "" : keys.iterator().next());
  }

  @Override
  public boolean deleteIfMatch(String key, String etag) {
    throw denied("delete", key);
  }

  @Override
  public List<IncompleteUpload> listIncompleteUploads(String prefix) {
    throw denied("list uploads under", prefix);
  }

  @Override
  public void abortUpload(IncompleteUpload upload) {
    allowed("abort uploads of", writable, upload.key());
    delegate.abortUpload(upload);
  }

  @Override
  public io.lifeboat.store.BucketProtections protections() {
    return delegate.protections();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private String allowedRead(String key) {
    return allowed("read", readable, key);
  }

  private String allowed(String operation, Set<String> prefixes, String key) {
    if (prefixes.stream().noneMatch(key::startsWith)) {
      throw denied(operation, key);
    }
    return key;
  }

  private LocationUnavailableException denied(String operation, String key) {
    return new LocationUnavailableException(
        "access denied: backup credentials may not "
            + operation
            + " '"
            + key
            + "' at "
            + delegate.location());
  }
}
