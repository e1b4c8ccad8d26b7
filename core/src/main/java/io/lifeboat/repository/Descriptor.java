package io.lifeboat.repository;

import java.time.Instant;
import java.util.List;

/**
 * {@code lifeboat.json}: the repository's format version, when it was made, that the store passed
 * the conditional-write probe, and the fingerprints of the age recipients backups must be encrypted
 * to.
 */
public record Descriptor(
    int formatVersion,
    Instant createdAt,
    boolean conditionalWrites,
    List<String> recipients,
    String createdBy) {
  public static final int FORMAT_VERSION = 1;

  public Descriptor {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }
}
