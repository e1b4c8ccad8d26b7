package io.lifeboat.repository;

import java.util.List;

/** How payloads are encrypted: {@code age-x25519} to the recipients with these fingerprints. */
public record Encryption(String scheme, List<String> recipients) {
  public static final String AGE_X25519 = "age-x25519";

  public Encryption {
    recipients = List.copyOf(recipients);
  }

  /** The manifest's compression field: every payload is a zstd stream. */
  public static final String COMPRESSION_ZSTD = "zstd";

  /** age to these recipients, or null (not encrypted) when there are none. */
  public static Encryption of(java.util.Collection<String> fingerprints) {
    return fingerprints.isEmpty() ? null : age(List.copyOf(fingerprints));
  }

  public static Encryption age(List<String> fingerprints) {
    return new Encryption(AGE_X25519, fingerprints);
  }
}
