package io.lifeboat.error;

/** Another run holds the lease this run needs. */
public class AlreadyLockedException extends LifeboatException {
  public AlreadyLockedException(String message) {
    super(ExitCode.LOCKED, message, null);
  }

  public AlreadyLockedException(String message, Throwable cause) {
    super(ExitCode.LOCKED, message, cause);
  }
}
