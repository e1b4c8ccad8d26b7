package io.lifeboat.codec;

/**
 * The file-name suffixes of an encoded payload: {@code snapshot.db} is stored as {@code
 * snapshot.db.zst}, or {@code snapshot.db.zst.age} when encrypted, so that the name tells a person
 * which standard tools read it back (in reverse order of the suffixes).
 */
public final class StoredName {
  public static final String ZSTD = ".zst";
  public static final String AGE = ".age";

  private StoredName() {}

  /** The suffix an encoding appends: {@code .zst} or {@code .zst.age}. */
  public static String suffix(boolean encrypted) {
    return encrypted ? ZSTD + AGE : ZSTD;
  }

  /**
   * The stored name of {@code payload}, e.g. {@code snapshot.db} -> {@code snapshot.db.zst.age}.
   */
  public static String of(String payload, boolean encrypted) {
    if (payload == null || payload.isBlank() || payload.contains("/")) {
      throw new IllegalArgumentException(
          "payload name must be a non-empty file name without '/', was '" + payload + "'");
    }
    return payload + suffix(encrypted);
  }

  /** True when {@code storedName} (a name or a whole key) ends in {@code .zst.age}. */
  public static boolean isEncrypted(String storedName) {
    return storedName.endsWith(ZSTD + AGE);
  }

  /** True when {@code storedName} is a name this package produces. */
  public static boolean isEncoded(String storedName) {
    return storedName.endsWith(ZSTD) || isEncrypted(storedName);
  }

  /** The payload name of a stored name: {@code snapshot.db.zst.age} -> {@code snapshot.db}. */
  public static String payloadOf(String storedName) {
    if (!isEncoded(storedName)) {
      throw new IllegalArgumentException(
          "'" + storedName + "' does not end in " + ZSTD + " or " + ZSTD + AGE);
    }
    return storedName.substring(0, storedName.length() - suffix(isEncrypted(storedName)).length());
  }
}
