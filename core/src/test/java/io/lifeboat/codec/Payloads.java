package io.lifeboat.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Test payloads: part random (incompressible), part repetitive (compressible), reproducible. */
final class Payloads {
  private Payloads() {}

  static byte[] mixed(int mebibytes, long seed) {
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] noise = new byte[512 * 1024];
    byte[] text =
        "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"db-password\"}}\n"
            .getBytes(StandardCharsets.UTF_8);
    while (out.size() < mebibytes * 1024 * 1024) {
      random.nextBytes(noise);
      out.write(noise, 0, noise.length);
      for (int i = 0; i < 512 * 1024 / text.length; i++) {
        out.write(text, 0, text.length);
      }
    }
    // An odd tail, so the payload does not end on a 64 KiB age chunk boundary by construction.
    out.write(noise, 0, 12345);
    return out.toByteArray();
  }
}
