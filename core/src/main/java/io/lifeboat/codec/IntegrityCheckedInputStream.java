package io.lifeboat.codec;

import io.lifeboat.error.IntegrityException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The outermost decoding layer: a failure raised by age or zstd means the stored bytes are corrupt
 * or truncated ({@link IntegrityException}); a failure of the source is rethrown as it was.
 */
final class IntegrityCheckedInputStream extends FilterInputStream {
  private final String storedName;

  IntegrityCheckedInputStream(InputStream decoded, String storedName) {
    super(decoded);
    this.storedName = storedName;
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw translate(e, storedName);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      throw translate(e, storedName);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return in.skip(n);
    } catch (IOException e) {
      throw translate(e, storedName);
    }
  }

  /** The source's own exception, or an integrity failure naming the object. */
  static IOException translate(IOException e, String storedName) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SourceInputStream.SourceFailure failure) {
        return failure.original();
      }
    }
    throw new IntegrityException(
        "'" + storedName + "' is corrupt or truncated: " + e.getMessage(), e);
  }
}
