package io.lifeboat.export.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.kube.Discovery;

/**
 * The cluster's types, discovered by the first namespace of a run that needs them and reused by the
 * others: a shard of 500 namespaces would otherwise send the API server 500 rounds of discovery
 * (one request per API group each). A failed discovery is not kept, so the next namespace tries
 * again.
 */
public final class DiscoveryOnce {
  private final KubernetesClient client;
  private Discovery.Result result;

  public DiscoveryOnce(KubernetesClient client) {
    this.client = client;
  }

  public synchronized Discovery.Result get() {
    if (result == null) {
      result = Discovery.discover(client);
    }
    return result;
  }
}
