package io.lifeboat.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.error.SourceUnavailableException;

/**
 * Sorts Kubernetes API failures: the server unreachable or refusing our credentials ends the run
 * (exit 4, no catalog entry); anything else (a 403 on one type, a broken aggregated API) is one
 * item's failure and the backup goes on.
 */
public final class KubeFailures {
  private KubeFailures() {}

  public static boolean unreachable(KubernetesClientException e) {
    return e.getCode() == 0 || e.getCode() == 401;
  }

  /** Rethrows {@code e} as exit 4 when the API server itself is gone; returns otherwise. */
  public static void rethrowIfUnreachable(KubernetesClientException e, String server) {
    if (unreachable(e)) {
      throw unavailable(e, server);
    }
  }

  public static SourceUnavailableException unavailable(KubernetesClientException e, String server) {
    return new SourceUnavailableException(
        "Kubernetes API at " + server + " is unavailable: " + describe(e), e);
  }

  /** A one-line reason: the HTTP status and the server's message, or the connection error. */
  public static String describe(KubernetesClientException e) {
    if (e.getCode() > 0) {
      String message = e.getStatus() != null ? e.getStatus().getMessage() : null;
      return "HTTP " + e.getCode() + (message == null ? "" : ": " + message);
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
