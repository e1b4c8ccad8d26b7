package io.lifeboat.app.observe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a run reports: {@code lifeboat.metrics.pushgateway-url} (off when unset) and the pod the
 * Kubernetes Event goes on ({@code lifeboat.pod-name}, default {@code HOSTNAME}; {@code
 * lifeboat.pod-namespace}, default the service account's namespace file).
 */
@ConfigMapping(prefix = "lifeboat")
public interface ObserveConfig {
  Metrics metrics();

  Optional<String> podName();

  Optional<String> podNamespace();

  interface Metrics {
    /** e.g. {@code http://pushgateway.monitoring:9091}; metrics are pushed only when set. */
    Optional<URI> pushgatewayUrl();

    @WithDefault("5s")
    Duration pushTimeout();
  }
}
