package io.lifeboat.etcd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * gRPC retries a failing TLS handshake until the deadline and then reports only a timeout. When
 * that happens, one plain handshake against the CA file tells the person what is actually wrong.
 */
final class TlsProbe {
  private static final int TIMEOUT_MILLIS = 3_000;

  private TlsProbe() {}

  /** The handshake failure against {@code caFile}, or empty when the handshake succeeds. */
  static Optional<String> diagnose(URI endpoint, Path caFile) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(caFile).getTrustManagers(), null);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(
            new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.startHandshake();
        return Optional.empty();
      }
    } catch (IOException | GeneralSecurityException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return Optional.of(
          root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }
  }

  private static TrustManagerFactory trustManagers(Path caFile)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(caFile)) {
      int i = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }
}
