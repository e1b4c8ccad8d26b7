package io.lifeboat.error;

/** The source (etcd, the Kubernetes API) cannot be reached, refused us, or was too slow. */
public class SourceUnavailableException extends LifeboatException {
  public SourceUnavailableException(String message) {
    super(ExitCode.SOURCE_UNAVAILABLE, message, null);
  }

  public SourceUnavailableException(String message, Throwable cause) {
    super(ExitCode.SOURCE_UNAVAILABLE, message, cause);
  }
}
