package io.lifeboat.export;

import io.lifeboat.error.InvalidConfigurationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a namespace export ({@code index/count}, 0-based), so N pods of a
 * Kubernetes Indexed Job each export a disjoint part of the cluster's namespaces.
 *
 * <p>A namespace belongs to shard {@code h mod count}, where {@code h} is the first 8 bytes of the
 * SHA-256 of its name (UTF-8) read as an unsigned big-endian 64-bit integer. SHA-256 rather than
 * {@code String.hashCode}: the assignment must be the same in every JVM, language and version that
 * will ever read or write this repository, and spread evenly whatever the names look like. The
 * assignment depends only on the name and {@code count}: pods never agree on anything, and a
 * namespace created or deleted between two pods' listings moves no other namespace.
 */
public record Shard(int index, int count) {
  /** The whole set: an export that is not sharded. */
  public static final Shard ALL = new Shard(0, 1);

  private static final Pattern SPEC = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  public Shard {
    if (count < 1) {
      throw new InvalidConfigurationException("shard count must be >= 1, was " + count);
    }
    if (index < 0 || index >= count) {
      throw new InvalidConfigurationException(
          "shard index must be in 0.." + (count - 1) + " (0-based), was " + index);
    }
  }

  /**
   * {@code i/N} as {@code name} (the property, variable or flag the user set) gave it; a bad spec
   * is a one-line configuration error naming {@code name} and the value.
   */
  public static Shard parse(String spec, String name) {
    Matcher m = SPEC.matcher(spec == null ? "" : spec.strip());
    if (!m.matches()) {
      throw invalid(name, spec, "write INDEX/COUNT, e.g. 2/8 (0-based index, count >= 1)");
    }
    return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), name, spec);
  }

  /** {@code index} of {@code count}, with the same errors as {@link #parse} naming {@code name}. */
  public static Shard of(int index, int count, String name, String given) {
    if (count < 1) {
      throw invalid(name, given, "the shard count must be >= 1");
    }
    if (index < 0 || index >= count) {
      throw invalid(
          name, given, "the index is 0-based and must be below the count (0.." + (count - 1) + ")");
    }
    return new Shard(index, count);
  }

  private static InvalidConfigurationException invalid(String name, String given, String why) {
    return new InvalidConfigurationException(name + " '" + given + "': " + why);
  }

  /** Whether {@code namespace} is exported by this shard. */
  public boolean owns(String namespace) {
    return count == 1 || Long.remainderUnsigned(hash(namespace), count) == index;
  }

  /** The first 8 bytes of SHA-256(UTF-8 name), unsigned big-endian (as a long's bits). */
  static long hash(String namespace) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(namespace.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean sharded() {
    return count > 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
