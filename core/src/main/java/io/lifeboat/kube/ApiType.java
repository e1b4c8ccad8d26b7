package io.lifeboat.kube;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.lifeboat.export.archive.ArchiveLayout;

/** One listable resource type at its group's preferred version, as discovery reported it. */
public record ApiType(
    String group, String version, String resource, String kind, boolean namespaced) {

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code configmaps} or {@code deployments.apps}: the archive directory and the count key. */
  public String typeDirectory() {
    return ArchiveLayout.typeDirectory(resource, group);
  }

  public boolean is(String group, String resource) {
    return this.group.equals(group) && this.resource.equals(resource);
  }

  /** Lets fabric8 address the type without a discovery round trip of its own. */
  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withPlural(resource)
        .withKind(kind)
        .withNamespaced(namespaced)
        .build();
  }
}
