package io.lifeboat.cli;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Duration flags take what properties and environment variables take ({@code 90s}, {@code 15m},
 * {@code 2h}, {@code 7d}; ISO-8601 such as {@code PT2M} still works): one syntax everywhere.
 */
final class Durations implements ITypeConverter<Duration> {
  private static final DurationConverter QUARKUS = new DurationConverter();

  @Override
  public Duration convert(String text) {
    try {
      Duration parsed = QUARKUS.convert(text.strip());
      if (parsed == null || parsed.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return parsed;
    } catch (RuntimeException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration: write 90s, 15m, 2h or 7d");
    }
  }
}
