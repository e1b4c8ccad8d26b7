package io.lifeboat.error;

/**
 * Stored bytes do not match what the manifest or the format promises: a hash mismatch, a truncated
 * or corrupt object.
 */
public class IntegrityException extends LifeboatException {
  public IntegrityException(String message) {
    super(ExitCode.INTEGRITY, message, null);
  }

  public IntegrityException(String message, Throwable cause) {
    super(ExitCode.INTEGRITY, message, cause);
  }
}
