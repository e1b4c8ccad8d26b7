package io.lifeboat.testing;

import io.lifeboat.store.Condition;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.IncompleteUpload;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.VersionedObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Passes everything to a real store, and calls {@code onWrite} with the running byte count of every
 * streamed write: a test uses it to kill a server at a chosen point of an upload.
 */
public final class FaultInjectingStore implements ObjectStore {
  private final ObjectStore delegate;
  private final LongConsumer onWrite;

  public FaultInjectingStore(ObjectStore delegate, LongConsumer onWrite) {
    this.delegate = delegate;
    this.onWrite = onWrite;
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public ObjectWriter openWriter(String key) {
    ObjectWriter real = delegate.openWriter(key);
    return new ObjectWriter(key) {
      private long written;

      @Override
      protected void append(byte[] b, int off, int len) throws IOException {
        written += len;
        onWrite.accept(written);
        real.write(b, off, len);
      }

      @Override
      protected void publish() {
        real.commit();
      }

      @Override
      protected void discard() {
        real.close();
      }
    };
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
  public void close() {
    delegate.close();
  }
}
