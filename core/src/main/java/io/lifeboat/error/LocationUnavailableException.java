package io.lifeboat.error;

/**
 * The backup location cannot be reached, denied access, does not exist, or lacks conditional
 * writes.
 */
public class LocationUnavailableException extends LifeboatException {
  public LocationUnavailableException(String message) {
    super(ExitCode.LOCATION_UNAVAILABLE, message, null);
  }

  public LocationUnavailableException(String message, Throwable cause) {
    super(ExitCode.LOCATION_UNAVAILABLE, message, cause);
  }
}
