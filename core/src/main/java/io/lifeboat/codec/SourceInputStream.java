package io.lifeboat.codec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Marks failures of the stored stream itself (network, disk) so that they are not mistaken for
 * corrupt data when they surface through the decryption and decompression layers.
 */
final class SourceInputStream extends FilterInputStream {
  /** An I/O failure of the source; its cause is the original exception. */
  static final class SourceFailure extends IOException {
    SourceFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }

    IOException original() {
      return (IOException) getCause();
    }
  }

  SourceInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw new SourceFailure(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return in.read(b, off, len);
    } catch (IOException e) {
      throw new SourceFailure(e);
    }
  }
}
