package io.lifeboat.app;

import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LifeboatException;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line and an exit code for any failure: ours carry their own; configuration problems that
 * SmallRye Config reports ({@code SRCFG00039: The config property lifeboat.s3.path-style with the
 * config value "maybe" threw an Exception ...}) become exit 2 naming the property and value.
 */
public record StartupFailure(ExitCode exitCode, String message) {
  private static final Pattern SRCFG = Pattern.compile("SRCFG\\d+: ?");
  private static final Pattern PROPERTY =
      Pattern.compile("(?:config property|property) ([a-z0-9.\\-\\[\\]\"]+)");

  public static StartupFailure of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LifeboatException lifeboat) {
        return new StartupFailure(lifeboat.exitCode(), lifeboat.getMessage());
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage());
      if (text.contains("SRCFG")
          || t instanceof NoSuchElementException && text.contains("lifeboat.")) {
        return new StartupFailure(
            ExitCode.INVALID_CONFIGURATION, "invalid configuration: " + configLine(text));
      }
      if (t instanceof IllegalArgumentException && text.contains("lifeboat.")) {
        return new StartupFailure(
            ExitCode.INVALID_CONFIGURATION, "invalid configuration: " + firstLine(text));
      }
    }
    return new StartupFailure(
        ExitCode.UNEXPECTED,
        failure.getClass().getSimpleName()
            + ": "
            + firstLine(String.valueOf(failure.getMessage())));
  }

  private static String configLine(String text) {
    for (String line : text.split("\\R")) {
      Matcher property = PROPERTY.matcher(line);
      if (line.contains("SRCFG") && property.find()) {
        return SRCFG.matcher(line.strip()).replaceAll("").replaceFirst("^\\s*-\\s*", "");
      }
    }
    return SRCFG.matcher(firstLine(text)).replaceAll("");
  }

  private static String firstLine(String text) {
    return text.strip().split("\\R", 2)[0];
  }
}
