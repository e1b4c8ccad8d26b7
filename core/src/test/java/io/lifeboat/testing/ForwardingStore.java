package io.lifeboat.testing;

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
import java.util.stream.Stream;

/** A store that passes every call on; tests override the calls they want to disturb. */
public class ForwardingStore implements ObjectStore {
  protected final ObjectStore delegate;

  public ForwardingStore(ObjectStore delegate) {
    this.delegate = delegate;
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
    return delegate.get(key);
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    return delegate.get(key, offset, length);
  }

  @Override
  public Optional<VersionedObject> read(String key) {
    return delegate.read(key);
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    return delegate.stat(key);
  }

  @Override
  public Stream<ObjectInfo> list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    return delegate.delete(keys);
  }

  @Override
  public boolean deleteIfMatch(String key, String etag) {
    return delegate.deleteIfMatch(key, etag);
  }

  @Override
  public List<IncompleteUpload> listIncompleteUploads(String prefix) {
    return delegate.listIncompleteUploads(prefix);
  }

  @Override
  public void abortUpload(IncompleteUpload upload) {
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
}
