package io.lifeboat.etcd.internal;

import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.etcd.EtcdSettings;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns whatever jetcd, gRPC or Netty threw into one line a person can act on (exit 4). */
public final class EtcdFailures {
  private EtcdFailures() {}

  public static LifeboatException unavailable(
      URI endpoint, String what, Throwable failure, EtcdSettings settings) {
    if (failure instanceof LifeboatException lifeboat) {
      return lifeboat;
    }
    if (failure instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable root = failure;
    boolean tls = false;
    boolean timeout = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      tls |= t instanceof SSLException || String.valueOf(t.getMessage()).contains("PKIX");
      timeout |= t instanceof TimeoutException;
      root = t;
    }
    if (timeout && !tls && settings.caFile() != null && "https".equals(endpoint.getScheme())) {
      var handshake = TlsProbe.diagnose(endpoint, settings.caFile());
      if (handshake.isPresent()) {
        tls = true;
        root = new SSLException(handshake.get());
      }
    }
    String reason =
        tls
            ? "TLS handshake failed (check lifeboat.etcd.ca-file, cert-file and key-file): "
                + root.getMessage()
            : timeout
                ? "no answer within "
                    + TcpProbe.seconds(settings.connectTimeout())
                    + " (lifeboat.etcd.connect-timeout)"
                : root instanceof java.net.ConnectException
                    ? "connection refused"
                    : String.valueOf(root.getMessage());
    return new SourceUnavailableException(
        "etcd " + what + " from " + endpoint + " failed: " + reason, failure);
  }
}
