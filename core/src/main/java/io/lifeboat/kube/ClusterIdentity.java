package io.lifeboat.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * The cluster's identity as k3s records it: the {@code kube-system} namespace UID, stored in every
 * manifest so a restore can tell when it crosses clusters. Unreadable is a warning, not a failure.
 */
public final class ClusterIdentity {
  private ClusterIdentity() {}

  /** The UID, or null with a warning added; an unreachable API server still throws (exit 4). */
  public static String kubeSystemUid(KubernetesClient client, List<String> warnings) {
    try {
      Namespace kubeSystem = client.namespaces().withName("kube-system").get();
      if (kubeSystem != null) {
        return kubeSystem.getMetadata().getUid();
      }
      warnings.add("namespace kube-system not found: the cluster's identity is not recorded");
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
      warnings.add("kube-system UID not readable (" + KubeFailures.describe(e) + ")");
    }
    return null;
  }
}
