package io.lifeboat.testing;

import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * Passes everything to a real store, and calls {@code onWrite} with the running byte count of every
 * streamed write: a test uses it to kill a server at a chosen point of an upload.
 */
public final class FaultInjectingStore extends ForwardingStore {
  private final LongConsumer onWrite;

  public FaultInjectingStore(ObjectStore delegate, LongConsumer onWrite) {
    super(delegate);
    this.onWrite = onWrite;
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
}
