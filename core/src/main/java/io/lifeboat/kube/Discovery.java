package io.lifeboat.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every listable type at run time: the core group and each API group at its preferred
 * version, custom resources included, subresources and types without list+get left out. A group
 * whose discovery fails (an aggregated API such as metrics.k8s.io whose backend is down) becomes a
 * warning, never a failed backup; only the API server itself being unreachable ends the run.
 */
public final class Discovery {
  private Discovery() {}

  /** The types found, and one warning per group version that could not be discovered. */
  public record Result(List<ApiType> types, List<String> warnings) {}

  public static Result discover(KubernetesClient client) {
    String server = String.valueOf(client.getMasterUrl());
    List<ApiType> types = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      add(types, "", "v1", required(client.getApiResources("v1"), "/api/v1", server));
      APIGroupList groups = required(client.getApiGroups(), "/apis", server);
      for (APIGroup group : groups.getGroups()) {
        discoverGroup(client, group, types, warnings, server);
      }
    } catch (KubernetesClientException e) {
      throw KubeFailures.unavailable(e, server);
    }
    return new Result(List.copyOf(types), List.copyOf(warnings));
  }

  private static void discoverGroup(
      KubernetesClient client,
      APIGroup group,
      List<ApiType> types,
      List<String> warnings,
      String server) {
    String groupVersion = preferredVersion(group);
    if (groupVersion == null) {
      warnings.add("API group " + group.getName() + " lists no versions; it was not exported");
      return;
    }
    try {
      APIResourceList resources = client.getApiResources(groupVersion);
      if (resources == null) {
        warnings.add("discovery of " + groupVersion + " found nothing (HTTP 404); not exported");
        return;
      }
      String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
      add(types, group.getName(), version, resources);
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, server);
      warnings.add(
          "discovery of "
              + groupVersion
              + " failed ("
              + KubeFailures.describe(e)
              + "); its resources are not in this backup");
    }
  }

  private static String preferredVersion(APIGroup group) {
    if (group.getPreferredVersion() != null) {
      return group.getPreferredVersion().getGroupVersion();
    }
    return group.getVersions() == null || group.getVersions().isEmpty()
        ? null
        : group.getVersions().get(0).getGroupVersion();
  }

  private static void add(
      List<ApiType> types, String group, String version, APIResourceList resources) {
    for (APIResource resource : resources.getResources()) {
      List<String> verbs = resource.getVerbs() == null ? List.of() : resource.getVerbs();
      if (resource.getName().contains("/") || !verbs.containsAll(List.of("list", "get"))) {
        continue;
      }
      types.add(
          new ApiType(
              group,
              version,
              resource.getName(),
              resource.getKind(),
              Boolean.TRUE.equals(resource.getNamespaced())));
    }
  }

  private static <T> T required(T document, String path, String server) {
    if (document == null) {
      throw new io.lifeboat.error.SourceUnavailableException(
          "Kubernetes API at " + server + " serves no discovery document at " + path);
    }
    return document;
  }
}
