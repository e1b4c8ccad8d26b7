package io.lifeboat.text;

/**
 * A count and its noun as a person writes them: {@code 1 backup}, {@code 2 backups}, {@code 0
 * entries}. Every human summary that counts something says it through here, so no line reads {@code
 * 1 backups}.
 */
public final class Count {
  private Count() {}

  /** {@code n} and {@code singular}, made plural by the English rules our nouns need. */
  public static String of(long n, String singular) {
    return n + " " + noun(n, singular);
  }

  /** The noun alone, in the number {@code n} needs: {@code 1,234 objects} formatted elsewhere. */
  public static String noun(long n, String singular) {
    return n == 1 ? singular : plural(singular);
  }

  /** For a noun the rules get wrong. */
  public static String of(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** {@code entry} -> {@code entries}, {@code key} -> {@code keys}, {@code PVC} -> {@code PVCs}. */
  static String plural(String singular) {
    int last = singular.length() - 1;
    char end = singular.charAt(last);
    if (end == 'y' && last > 0 && "aeiou".indexOf(singular.charAt(last - 1)) < 0) {
      return singular.substring(0, last) + "ies";
    }
    if (singular.endsWith("s") || singular.endsWith("x") || singular.endsWith("ch")) {
      return singular + "es";
    }
    return singular + "s";
  }
}
