package io.lifeboat.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A streaming write of one object. Bytes written are hashed (SHA-256) and counted. {@link
 * #commit()} makes the object visible; {@link #close()} without a commit discards everything
 * (aborting a multipart upload), so a try-with-resources block never publishes a half-written
 * object.
 *
 * <p>Wrap it in {@link #uncloseable()} before handing it to a compressing or encrypting stream, so
 * that finishing those streams does not close (and so discard) this writer.
 */
public abstract class ObjectWriter extends OutputStream {
  private final String key;
  private final MessageDigest sha256;
  private long size;
  private boolean finished;

  protected ObjectWriter(String key) {
    this.key = key;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String key() {
    return key;
  }

  @Override
  public final void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public final void write(byte[] b, int off, int len) throws IOException {
    if (finished) {
      throw new IOException("writer for '" + key + "' is already committed or aborted");
    }
    sha256.update(b, off, len);
    size += len;
    append(b, off, len);
  }

  /** Makes the object visible and returns what was stored. */
  public final StoredObject commit() {
    if (finished) {
      throw new IllegalStateException("writer for '" + key + "' is already committed or aborted");
    }
    finished = true;
    try {
      publish();
    } catch (IOException e) {
      discardQuietly();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      discardQuietly();
      throw e;
    }
    return new StoredObject(key, size, HexFormat.of().formatHex(sha256.digest()));
  }

  /** Discards the bytes unless committed. Idempotent. */
  @Override
  public final void close() {
    if (!finished) {
      finished = true;
      discardQuietly();
    }
  }

  /** An OutputStream over this writer whose close() only flushes. */
  public OutputStream uncloseable() {
    ObjectWriter writer = this;
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        writer.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        writer.write(b, off, len);
      }

      @Override
      public void close() {}
    };
  }

  private void discardQuietly() {
    try {
      discard();
    } catch (RuntimeException | IOException ignored) {
      // Discarding is best effort: the object was never published, and prune collects leftovers.
    }
  }

  protected abstract void append(byte[] b, int off, int len) throws IOException;

  protected abstract void publish() throws IOException;

  protected abstract void discard() throws IOException;
}
