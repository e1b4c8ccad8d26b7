package io.lifeboat.app;

import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LifeboatException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * One line and an exit code for any failure: ours carry their own; configuration problems that
 * SmallRye Config reports ({@code SRCFG00039: The config property lifeboat.s3.path-style with the
 * config value "maybe" threw an Exception ...}) become exit 2 naming the property and value.
 */
public record StartupFailure(ExitCode exitCode, String message) {

  public static StartupFailure of(Throwable failure) {
    return of(failure, Map.of());
  }

  /**
   * The same, naming a property by the flag it was given as ({@code flags}: property -> value), or
   * by its environment variable when that is set.
   */
  public static StartupFailure of(Throwable failure, Map<String, String> flags) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LifeboatException lifeboat) {
        String message = String.valueOf(lifeboat.getMessage());
        return new StartupFailure(
            lifeboat.exitCode(),
            lifeboat.exitCode() == ExitCode.INVALID_CONFIGURATION
                ? ConfigErrors.rename(message, flags, System::getenv)
                : message);
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage());
      if (text.contains("SRCFG")
          || text.contains("config property lifeboat.")
          || t instanceof NoSuchElementException && text.contains("lifeboat.")
          || t instanceof IllegalArgumentException && text.contains("lifeboat.")) {
        return new StartupFailure(
            ExitCode.INVALID_CONFIGURATION,
            "invalid configuration: " + ConfigErrors.explain(text, flags, System::getenv));
      }
    }
    return new StartupFailure(ExitCode.UNEXPECTED, plain(failure));
  }

  /**
   * A failure that is not ours, said without Java's class names: what the operating system or the
   * network answered and about what. A refused connection is said at once as "connection refused".
   */
  static String plain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return "connection refused" + about(t);
      }
      if (t instanceof java.nio.file.NoSuchFileException missing) {
        return "no such file or directory: " + missing.getFile();
      }
      if (t instanceof java.nio.file.AccessDeniedException denied) {
        return "permission denied: " + denied.getFile();
      }
      if (t instanceof java.nio.file.FileAlreadyExistsException exists) {
        return "already exists: " + exists.getFile();
      }
      if (t instanceof java.nio.file.FileSystemException fs) {
        return fs.getReason() == null
            ? "cannot use " + fs.getFile()
            : fs.getReason().toLowerCase(java.util.Locale.ROOT) + ": " + fs.getFile();
      }
      if (t instanceof java.net.UnknownHostException unknown) {
        return "unknown host " + unknown.getMessage();
      }
    }
    String text = firstLine(String.valueOf(failure.getMessage()));
    return "unexpected failure: "
        + (failure.getMessage() == null ? "no detail" : JAVA_NAME.matcher(text).replaceAll(""));
  }

  private static final Pattern JAVA_NAME =
      Pattern.compile(
          "\\b(?:java|javax|jdk|sun|com|io|org)\\.[A-Za-z0-9_.$]+(?:Exception|Error)?:? ?");

  private static String about(Throwable t) {
    String text = String.valueOf(t.getMessage());
    return text.equals("null") || text.isBlank() ? "" : " (" + firstLine(text) + ")";
  }

  private static String firstLine(String text) {
    return text.strip().split("\\R", 2)[0];
  }
}
