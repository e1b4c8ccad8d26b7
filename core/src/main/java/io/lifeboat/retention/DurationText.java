package io.lifeboat.retention;

import java.time.Duration;

/** Short duration text for reasons and plans: {@code 48h}, {@code 90m}, {@code 30s}. */
final class DurationText {
  private DurationText() {}

  static String of(Duration duration) {
    long seconds = duration.getSeconds();
    if (duration.getNano() != 0) {
      return duration.toString();
    }
    if (seconds == 0) {
      return "0s";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
