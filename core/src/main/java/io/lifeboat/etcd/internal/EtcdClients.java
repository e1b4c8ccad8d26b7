package io.lifeboat.etcd.internal;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.etcd.EtcdSettings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds one jetcd client per endpoint: a snapshot must come from the member we chose, never from
 * whichever endpoint a balancer picks (etcdctl refuses more than one endpoint for the same reason).
 */
public final class EtcdClients {
  private final EtcdSettings settings;
  private final SslContext ssl;

  public EtcdClients(EtcdSettings settings) {
    this.settings = settings;
    this.ssl = settings.tls() ? sslContext(settings) : null;
  }

  public Client connect(URI endpoint) {
    ClientBuilder builder =
        Client.builder().endpoints(endpoint).connectTimeout(settings.connectTimeout());
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    if (settings.user() != null) {
      builder
          .user(ByteSequence.from(settings.user(), StandardCharsets.UTF_8))
          .password(ByteSequence.from(settings.password(), StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private static SslContext sslContext(EtcdSettings settings) {
    try {
      // gRPC needs HTTP/2 negotiated by ALPN; a bare Netty client context would not offer it.
      SslContextBuilder builder =
          SslContextBuilder.forClient()
              .applicationProtocolConfig(
                  new ApplicationProtocolConfig(
                      ApplicationProtocolConfig.Protocol.ALPN,
                      ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                      ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                      ApplicationProtocolNames.HTTP_2));
      if (settings.caFile() != null) {
        builder.trustManager(readable(settings.caFile(), "lifeboat.etcd.ca-file").toFile());
      }
      if (settings.certFile() != null) {
        // Netty reads PKCS#1 ("BEGIN RSA PRIVATE KEY", kubeadm's form) through BouncyCastle.
        builder.keyManager(
            readable(settings.certFile(), "lifeboat.etcd.cert-file").toFile(),
            readable(settings.keyFile(), "lifeboat.etcd.key-file").toFile());
      }
      return builder.build();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "cannot load the etcd TLS files (lifeboat.etcd.ca-file, cert-file, key-file): "
              + e.getMessage(),
          e);
    }
  }

  private static Path readable(Path file, String property) {
    if (!Files.isReadable(file)) {
      throw new InvalidConfigurationException(property + " is not a readable file: '" + file + "'");
    }
    return file;
  }
}
