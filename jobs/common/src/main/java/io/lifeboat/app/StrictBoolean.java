package io.lifeboat.app;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * {@code true} or {@code false} (any case), nothing else. SmallRye's own boolean converter reads
 * anything it does not know ({@code ture}, {@code enabled}) as false, and a typo in {@code dry-run}
 * must not silently mean "delete". A bad value stops start-up (exit 2) with one line naming the
 * variable or property the user set ({@link ConfigErrors}).
 */
public final class StrictBoolean implements Converter<Boolean> {
  private static final long serialVersionUID = 1L;

  @Override
  public Boolean convert(String value) {
    Boolean parsed = parsed(value);
    if (parsed == null) {
      throw new IllegalArgumentException("must be true or false");
    }
    return parsed;
  }

  /** The same rule for a value that is not configuration (a function's request field). */
  public static boolean parse(String value, String name) {
    Boolean parsed = parsed(value);
    if (parsed == null) {
      throw new InvalidConfigurationException(name + " must be true or false, was '" + value + "'");
    }
    return parsed;
  }

  private static Boolean parsed(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> null;
    };
  }
}
