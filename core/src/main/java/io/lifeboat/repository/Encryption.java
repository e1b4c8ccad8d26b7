package io.lifeboat.repository;

import java.util.List;

/** How payloads are encrypted: {@code age-x25519} to the recipients with these fingerprints. */
public record Encryption(String scheme, List<String> recipients) {
  public static final String AGE_X25519 = "age-x25519";

  public Encryption {
    recipients = List.copyOf(recipients);
  }

  public static Encryption age(List<String> fingerprints) {
    return new Encryption(AGE_X25519, fingerprints);
  }
}
