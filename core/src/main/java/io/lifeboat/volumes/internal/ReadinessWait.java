package io.lifeboat.volumes.internal;

import static io.lifeboat.volumes.internal.SnapshotResources.SNAPSHOTS;
import static io.lifeboat.volumes.internal.SnapshotResources.isTrue;
import static io.lifeboat.volumes.internal.SnapshotResources.text;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.kube.Pause;
import io.lifeboat.kube.Poll;
import io.lifeboat.volumes.internal.NamespaceSnapshots.Planned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls VolumeSnapshots until each is {@code readyToUse} or the deadline (on the injected clock)
 * passes. A snapshot is <em>cut</em> once it is bound to a content and has a {@code creationTime}
 * (the storage system took it) or is ready; when every snapshot is cut, {@code onAllCut} runs once:
 * that is when post hooks may thaw the application, long before slow snapshots finish uploading.
 */
public final class ReadinessWait {
  private final KubernetesClient client;
  private final Duration deadline;
  private final Duration interval;
  private final Clock clock;
  private final Poll poll;
  private final Map<Planned, String> errors = new HashMap<>();

  public ReadinessWait(
      KubernetesClient client, Duration deadline, Duration interval, Clock clock, Pause pause) {
    this.client = client;
    this.deadline = deadline;
    this.interval = interval;
    this.clock = clock;
    this.poll = new Poll(clock, pause);
  }

  /** A ready snapshot: its content, its {@code status.restoreSize}, when it was seen ready. */
  public record Ready(String content, String restoreSize, Instant at) {}

  public Duration deadline() {
    return deadline;
  }

  /** The snapshot's last {@code status.error.message}, or null. */
  public String lastError(Planned planned) {
    return errors.get(planned);
  }

  public Map<Planned, Ready> await(String namespace, List<Planned> created, Runnable onAllCut) {
    Map<Planned, Ready> ready = new LinkedHashMap<>();
    Set<Planned> cut = new HashSet<>();
    AtomicBoolean cutReported = new AtomicBoolean();
    poll.until(
        () -> {
          for (Planned p : created) {
            if (!ready.containsKey(p)) {
              poll(namespace, p, ready, cut);
            }
          }
          if (cut.size() == created.size() && cutReported.compareAndSet(false, true)) {
            onAllCut.run();
          }
          return ready.size() == created.size();
        },
        deadline,
        interval,
        "VolumeSnapshots in " + namespace + " to be ready");
    return ready;
  }

  private void poll(String namespace, Planned p, Map<Planned, Ready> ready, Set<Planned> cut) {
    GenericKubernetesResource vs;
    try {
      vs =
          client
              .genericKubernetesResources(SNAPSHOTS)
              .inNamespace(namespace)
              .withName(p.snapshotName())
              .get();
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
      errors.put(p, KubeFailures.describe(e));
      return;
    }
    if (vs == null) {
      errors.put(p, "the VolumeSnapshot disappeared");
      return;
    }
    String error = text(vs, "status", "error", "message");
    if (error != null) {
      errors.put(p, error);
    }
    String content = text(vs, "status", "boundVolumeSnapshotContentName");
    boolean isReady = isTrue(vs, "status", "readyToUse");
    if (content != null && (isReady || text(vs, "status", "creationTime") != null)) {
      cut.add(p);
    }
    if (content != null && isReady) {
      ready.put(p, new Ready(content, text(vs, "status", "restoreSize"), clock.instant()));
    }
  }
}
