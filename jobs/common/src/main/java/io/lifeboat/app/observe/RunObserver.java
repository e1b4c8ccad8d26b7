package io.lifeboat.app.observe;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Hands each finished run's reports to the configured sinks. Best effort by contract: it never
 * throws, and each sink's first failure is logged once at WARN (later ones at DEBUG).
 */
public final class RunObserver {
  private static final Logger LOG = Logger.getLogger(RunObserver.class);
  static final Path NAMESPACE_FILE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  private final Optional<Pushgateway> metrics;
  private final Optional<PodEvents> events;
  private final Clock clock;
  private final AtomicBoolean metricsWarned = new AtomicBoolean();
  private final AtomicBoolean eventsWarned = new AtomicBoolean();

  public RunObserver(Optional<Pushgateway> metrics, Optional<PodEvents> events, Clock clock) {
    this.metrics = metrics;
    this.events = events;
    this.clock = clock;
  }

  public static RunObserver none() {
    return new RunObserver(Optional.empty(), Optional.empty(), Clock.systemUTC());
  }

  /**
   * Metrics when a Pushgateway is configured, no Events: for the etcd snapshot and delta job, whose
   * pod mounts no service-account token (it runs beside etcd's client certificates and needs
   * nothing from the API server), so it carries no Kubernetes client at all (which also keeps its
   * native executable small).
   */
  public static RunObserver metricsOnly(ObserveConfig config) {
    return new RunObserver(pushgateway(config), Optional.empty(), Clock.systemUTC());
  }

  private static Optional<Pushgateway> pushgateway(ObserveConfig config) {
    return config
        .metrics()
        .pushgatewayUrl()
        .map(url -> new Pushgateway(url, config.metrics().pushTimeout()));
  }

  /**
   * Metrics when a Pushgateway is configured; Events when running in a pod ({@code
   * KUBERNETES_SERVICE_HOST} set and the pod's name and namespace known). The client is only asked
   * for then.
   */
  public static RunObserver from(
      ObserveConfig config, Map<String, String> env, Supplier<KubernetesClient> client) {
    Optional<Pushgateway> metrics = pushgateway(config);
    Optional<String> pod = config.podName().or(() -> Optional.ofNullable(env.get("HOSTNAME")));
    Optional<String> namespace = config.podNamespace().or(RunObserver::serviceAccountNamespace);
    Optional<PodEvents> events = Optional.empty();
    if (env.get("KUBERNETES_SERVICE_HOST") != null && pod.isPresent() && namespace.isPresent()) {
      try {
        events = Optional.of(new PodEvents(client.get(), namespace.get(), pod.get()));
      } catch (RuntimeException e) {
        LOG.warnf("no Kubernetes Events for this run: no client (%s)", e.getMessage());
      }
    }
    return new RunObserver(metrics, events, Clock.systemUTC());
  }

  public void observe(RunReport report) {
    metrics.ifPresent(
        gateway ->
            bestEffort(
                "metrics to the Pushgateway",
                metricsWarned,
                () -> gateway.push(report, clock.instant())));
    events.ifPresent(
        recorder ->
            bestEffort(
                "a Kubernetes Event",
                eventsWarned,
                () -> recorder.record(report, clock.instant())));
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void bestEffort(String what, AtomicBoolean warned, Action action) {
    try {
      action.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      String line =
          "could not send " + what + " (the run's result is unchanged): " + e.getMessage();
      if (warned.compareAndSet(false, true)) {
        LOG.warn(line);
      } else {
        LOG.debug(line);
      }
    }
  }

  /** Every distinct message down the cause chain: fabric8's top one is often generic. */
  static String causes(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (text.indexOf(message) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(message);
      }
    }
    return text.toString();
  }

  private static Optional<String> serviceAccountNamespace() {
    try {
      return Optional.of(Files.readString(NAMESPACE_FILE, StandardCharsets.UTF_8).strip())
          .filter(s -> !s.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
