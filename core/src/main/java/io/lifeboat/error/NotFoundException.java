package io.lifeboat.error;

/** A backup, object or id that was asked for does not exist. */
public class NotFoundException extends LifeboatException {
  public NotFoundException(String message) {
    super(ExitCode.NOT_FOUND, message, null);
  }

  public NotFoundException(String message, Throwable cause) {
    super(ExitCode.NOT_FOUND, message, cause);
  }
}
