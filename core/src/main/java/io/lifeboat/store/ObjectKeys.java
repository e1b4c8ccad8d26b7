package io.lifeboat.store;

/**
 * The key rules every store enforces, so a key that works on one backend works on all: non-empty,
 * relative ('/' separated, no leading '/'), no empty segments, and no segment starting with '.'
 * (which also rules out "." and ".."). Dot-names are reserved for a store's own bookkeeping (the
 * file store's temp and lock files).
 */
public final class ObjectKeys {
  private ObjectKeys() {}

  /** Returns {@code key} or throws IllegalArgumentException naming it. */
  public static String requireValid(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("object key must not be empty, was '" + key + "'");
    }
    if (key.startsWith("/") || key.endsWith("/")) {
      throw new IllegalArgumentException(
          "object key must be relative and name an object, was '" + key + "'");
    }
    checkSegments(key, key);
    return key;
  }

  /**
   * Returns {@code prefix} (which may be empty or end with '/') or throws IllegalArgumentException
   * naming it.
   */
  public static String requireValidPrefix(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("prefix must not be null");
    }
    if (prefix.startsWith("/")) {
      throw new IllegalArgumentException("prefix must be relative, was '" + prefix + "'");
    }
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (!trimmed.isEmpty()) {
      checkSegments(trimmed, prefix);
    }
    return prefix;
  }

  private static void checkSegments(String path, String original) {
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException(
            "object key must not contain empty segments, was '" + original + "'");
      }
      if (segment.startsWith(".")) {
        throw new IllegalArgumentException(
            "object key segments must not start with '.' (no '..', no hidden names), was '"
                + original
                + "'");
      }
      if (segment.indexOf('\0') >= 0 || segment.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            "object key must not contain NUL or '\\', was '" + original + "'");
      }
    }
  }
}
