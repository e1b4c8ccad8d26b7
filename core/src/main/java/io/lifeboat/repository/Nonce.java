package io.lifeboat.repository;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A run's random nonce (128 bits, 32 hex digits): what makes its marker writes its own. */
public final class Nonce {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Nonce() {}

  public static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
