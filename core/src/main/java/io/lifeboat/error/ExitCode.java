package io.lifeboat.error;

/**
 * The one table of process exit codes (the README's "Exit codes"). Jobs, the CLI and the functions
 * map outcomes through this enum only; the HTTP status is what a Funqy function answers for the
 * same outcome.
 */
public enum ExitCode {
  OK(0, 200),
  UNEXPECTED(1, 500),
  INVALID_CONFIGURATION(2, 400),
  PARTIAL(3, 200),
  SOURCE_UNAVAILABLE(4, 503),
  LOCATION_UNAVAILABLE(5, 503),
  INTEGRITY(6, 500),
  NOT_FOUND(7, 404),
  LOCKED(11, 409);

  private final int code;
  private final int httpStatus;

  ExitCode(int code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The exit code for any throwable: ours carry their own, everything else is unexpected. */
  public static ExitCode of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LifeboatException lifeboat) {
        return lifeboat.exitCode();
      }
    }
    return UNEXPECTED;
  }
}
