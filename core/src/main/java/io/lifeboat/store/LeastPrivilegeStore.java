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
 * multipart and its abort) and reading keys under a few prefixes ({@code lifeboat.json}, and {@code
 * claims/} so a retry can see whether its slot's earlier run failed). Listing, other reads and
 * every delete are refused like S3's AccessDenied. Backup use-cases run against it in tests, which
 * proves a compromised cluster's credentials can neither read nor destroy past backups.
 */
public final class LeastPrivilegeStore implements ObjectStore {
  private final ObjectStore delegate;
  private final Set<String> readable;

  public LeastPrivilegeStore(ObjectStore delegate, Set<String> readablePrefixes) {
    this.delegate = delegate;
    this.readable = Set.copyOf(readablePrefixes);
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public ObjectWriter openWriter(String key) {
    return delegate.openWriter(key);
  }

  @Override
  public Optional<String> put(String key, byte[] content, Condition condition) {
    return delegate.put(key, content, condition);
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
    throw denied("list", prefix);
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
    delegate.abortUpload(upload);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private String allowedRead(String key) {
    if (readable.stream().noneMatch(key::startsWith)) {
      throw denied("read", key);
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
