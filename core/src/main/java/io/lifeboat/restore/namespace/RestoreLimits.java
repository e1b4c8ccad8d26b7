package io.lifeboat.restore.namespace;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.Locale;

/**
 * What a restore reads from an archive at most, so that a forged or corrupt archive (the bucket is
 * untrusted input) cannot exhaust the restorer's memory or disk. Objects are held in memory a batch
 * at a time and otherwise spilled to a private temporary directory; these bound the rest.
 *
 * @param maxObjectSize bytes of one object's JSON ({@code lifeboat.restore.max-object-size},
 *     default 16 MiB; etcd itself stores at most 1.5 MiB per object). A larger tar entry fails as
 *     that object, without being read.
 * @param maxObjects objects in one archive ({@code lifeboat.restore.max-objects}, default 200,000):
 *     a restore keeps about 500 bytes per object in memory (its index entry and its report line;
 *     measured: 100,000 objects in a 256 MiB heap), so the default fits the heap the JVM picks in
 *     the Job's 1 GiB limit
 * @param maxArchiveSize bytes of the decompressed tar stream ({@code
 *     lifeboat.restore.max-archive-size}, default 8 GiB, etcd's largest quota), so a small
 *     compressed stream cannot expand without end
 * @param maxTokens JSON tokens in one object (fixed, 1,000,000): a few MiB of {@code [[],[],...]}
 *     would otherwise become hundreds of MiB of tree
 */
public record RestoreLimits(
    long maxObjectSize, long maxObjects, long maxArchiveSize, long maxTokens) {
  public static final long DEFAULT_MAX_OBJECT_SIZE = 16L << 20;
  public static final long DEFAULT_MAX_OBJECTS = 200_000;
  public static final long DEFAULT_MAX_ARCHIVE_SIZE = 8L << 30;
  public static final long DEFAULT_MAX_TOKENS = 1_000_000;

  public RestoreLimits {
    positive(maxObjectSize, "lifeboat.restore.max-object-size");
    positive(maxObjects, "lifeboat.restore.max-objects");
    positive(maxArchiveSize, "lifeboat.restore.max-archive-size");
    positive(maxTokens, "maxTokens");
    if (maxObjectSize > Integer.MAX_VALUE - 64) {
      throw new InvalidConfigurationException(
          "lifeboat.restore.max-object-size must be below 2 GiB, was " + maxObjectSize);
    }
  }

  public static RestoreLimits defaults() {
    return new RestoreLimits(
        DEFAULT_MAX_OBJECT_SIZE, DEFAULT_MAX_OBJECTS, DEFAULT_MAX_ARCHIVE_SIZE, DEFAULT_MAX_TOKENS);
  }

  /** From the three properties' text ({@code 16Mi}, {@code 1G}, {@code 20000}). */
  public static RestoreLimits parse(
      String maxObjectSize, String maxObjects, String maxArchiveSize) {
    return new RestoreLimits(
        size(maxObjectSize, "lifeboat.restore.max-object-size"),
        size(maxObjects, "lifeboat.restore.max-objects"),
        size(maxArchiveSize, "lifeboat.restore.max-archive-size"),
        DEFAULT_MAX_TOKENS);
  }

  public RestoreLimits withMaxObjectSize(long value) {
    return new RestoreLimits(value, maxObjects, maxArchiveSize, maxTokens);
  }

  public RestoreLimits withMaxObjects(long value) {
    return new RestoreLimits(maxObjectSize, value, maxArchiveSize, maxTokens);
  }

  public RestoreLimits withMaxArchiveSize(long value) {
    return new RestoreLimits(maxObjectSize, maxObjects, value, maxTokens);
  }

  /** A count or byte size: digits with an optional K, M, G (or Ki, Mi, Gi; binary) suffix. */
  static long size(String text, String property) {
    String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    value = value.endsWith("I") ? value.substring(0, value.length() - 1) : value;
    value =
        value.endsWith("B") && value.length() > 1 ? value.substring(0, value.length() - 1) : value;
    int shift = 0;
    if (!value.isEmpty()) {
      shift =
          switch (value.charAt(value.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
          };
    }
    String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
    try {
      long number = Long.parseLong(digits);
      if (number < 0 || number > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          property + " must be a number with an optional K, M or G suffix, was '" + text + "'");
    }
  }

  private static void positive(long value, String property) {
    if (value < 1) {
      throw new InvalidConfigurationException(property + " must be >= 1, was " + value);
    }
  }
}
