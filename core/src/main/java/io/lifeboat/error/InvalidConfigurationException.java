package io.lifeboat.error;

/** Configuration or arguments are invalid; the message names the field and the value. */
public class InvalidConfigurationException extends LifeboatException {
  public InvalidConfigurationException(String message) {
    super(ExitCode.INVALID_CONFIGURATION, message, null);
  }

  public InvalidConfigurationException(String message, Throwable cause) {
    super(ExitCode.INVALID_CONFIGURATION, message, cause);
  }
}
