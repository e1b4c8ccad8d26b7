package io.lifeboat.error;

/**
 * Root of every failure Lifeboat reports on purpose. Each subclass names what failed and carries
 * the exit code of the README's table; messages quote the offending input and where it was looked
 * for.
 */
public abstract class LifeboatException extends RuntimeException {
  private final ExitCode exitCode;

  protected LifeboatException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
