package io.lifeboat.prune;

import io.lifeboat.store.Condition;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.IncompleteUpload;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.VersionedObject;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Counts the requests a store would receive, as S3 bills them: one per call, listings one per page
 * of 1,000 keys, deletes one per batch of 1,000 keys. (A multipart writer counts as one.)
 */
final class RequestCountingStore implements ObjectStore {
  private static final int PAGE = 1000;
  private final ObjectStore delegate;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();

  RequestCountingStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  long requests() {
    return requests.get();
  }

  /** GETs of whole or ranged objects (manifests read), a part of {@link #requests()}. */
  long reads() {
    return reads.get();
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public ObjectWriter openWriter(String key) {
    requests.incrementAndGet();
    return delegate.openWriter(key);
  }

  @Override
  public Optional<String> put(String key, byte[] content, Condition condition) {
    requests.incrementAndGet();
    return delegate.put(key, content, condition);
  }

  @Override
  public InputStream get(String key) {
    requests.incrementAndGet();
    reads.incrementAndGet();
    return delegate.get(key);
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    requests.incrementAndGet();
    reads.incrementAndGet();
    return delegate.get(key, offset, length);
  }

  @Override
  public Optional<VersionedObject> read(String key) {
    requests.incrementAndGet();
    return delegate.read(key);
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    requests.incrementAndGet();
    return delegate.stat(key);
  }

  @Override
  public Stream<ObjectInfo> list(String prefix) {
    AtomicLong listed = new AtomicLong();
    return delegate
        .list(prefix)
        .peek(info -> listed.incrementAndGet())
        .onClose(() -> requests.addAndGet(pages(listed.get())));
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    requests.addAndGet(pages(keys.size()));
    return delegate.delete(keys);
  }

  @Override
  public boolean deleteIfMatch(String key, String etag) {
    requests.incrementAndGet();
    return delegate.deleteIfMatch(key, etag);
  }

  @Override
  public List<IncompleteUpload> listIncompleteUploads(String prefix) {
    requests.incrementAndGet();
    return delegate.listIncompleteUploads(prefix);
  }

  @Override
  public void abortUpload(IncompleteUpload upload) {
    requests.incrementAndGet();
    delegate.abortUpload(upload);
  }

  @Override
  public io.lifeboat.store.BucketProtections protections() {
    return delegate.protections();
  }

  @Override
  public void close() {
    // The caller owns the delegate.
  }

  private static long pages(long items) {
    return Math.max(1, (items + PAGE - 1) / PAGE);
  }
}
