package io.lifeboat.export;

import io.lifeboat.repository.Encryption;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the archive's bytes into the stored object's bytes (zstd, then age when recipients are
 * configured). The codec package provides the real one; the exporter only needs this much.
 */
public interface PayloadEncoder {

  /**
   * A stream encoding what is written to it into {@code target}. Closing it finishes the encoding
   * and flushes {@code target} but must not close it: the caller still commits or discards it.
   */
  OutputStream wrap(OutputStream target) throws IOException;

  /** Appended to the payload name: {@code .zst} or {@code .zst.age}. */
  String suffix();

  /** The manifest's {@code compression}, e.g. {@code zstd}. */
  String compression();

  /** The manifest's {@code encryption}, or null when the payload is not encrypted. */
  Encryption encryption();
}
