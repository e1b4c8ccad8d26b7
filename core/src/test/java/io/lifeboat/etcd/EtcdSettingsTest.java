package io.lifeboat.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdSettingsTest {
  static final List<URI> ENDPOINTS =
      List.of(URI.create("https://127.0.0.1:2379"), URI.create("https://127.0.0.2:2379"));

  static EtcdSettings.Builder settings() {
    return EtcdSettings.builder(ENDPOINTS)
        .connectTimeout(Duration.ofSeconds(5))
        .deadline(Duration.ofMinutes(30));
  }

  @Test
  void whatTheBuilderIsNotGivenStaysUnset() {
    EtcdSettings built = settings().member(ENDPOINTS.get(1)).build();

    assertThat(built)
        .isEqualTo(
            new EtcdSettings(
                ENDPOINTS,
                ENDPOINTS.get(1),
                null,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofMinutes(30)));
    assertThat(built.tls()).isFalse();
  }

  @Test
  void aClientCertificateWithoutItsKeyIsStillRefusedNamingBothProperties() {
    var halfSet = settings().certFile(Path.of("/etc/kubernetes/pki/etcd/client.crt"));

    assertThatThrownBy(halfSet::build)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lifeboat.etcd.cert-file and lifeboat.etcd.key-file");
  }

  @Test
  void thePasswordNeverAppearsInTheSettingsText() {
    EtcdSettings built = settings().user("root").password("s3cr3t-value").build();

    assertThat(built.toString()).contains("user=root").doesNotContain("s3cr3t-value");
  }
}
