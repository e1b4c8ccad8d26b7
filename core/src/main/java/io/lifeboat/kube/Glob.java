package io.lifeboat.kube;

import java.util.List;
import java.util.regex.Pattern;

/** Shell-style globs for names: {@code *} any run of characters, {@code ?} one character. */
public final class Glob {
  private Glob() {}

  public static boolean matches(String glob, String name) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.matches(regex.toString(), name);
  }

  public static boolean anyMatches(List<String> globs, String name) {
    return globs.stream().anyMatch(glob -> matches(glob, name));
  }
}
