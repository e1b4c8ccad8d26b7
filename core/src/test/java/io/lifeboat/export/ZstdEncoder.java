package io.lifeboat.export;

import com.github.luben.zstd.ZstdOutputStream;
import io.lifeboat.repository.Encryption;
import java.io.IOException;
import java.io.OutputStream;

/** zstd only, straight from zstd-jni, standing in for the codec package's encoder. */
final class ZstdEncoder implements PayloadEncoder {
  @Override
  public OutputStream wrap(OutputStream target) throws IOException {
    ZstdOutputStream zstd = new ZstdOutputStream(target, 3);
    zstd.setChecksum(true);
    return zstd;
  }

  @Override
  public String suffix() {
    return ".zst";
  }

  @Override
  public String compression() {
    return "zstd";
  }

  @Override
  public Encryption encryption() {
    return null;
  }
}
