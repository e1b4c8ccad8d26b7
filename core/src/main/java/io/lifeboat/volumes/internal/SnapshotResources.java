package io.lifeboat.volumes.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/**
 * The {@code snapshot.storage.k8s.io/v1} types as generic resources (no model classes, no discovery
 * round trip), and null-safe reads of their fields.
 */
public final class SnapshotResources {
  public static final String GROUP = "snapshot.storage.k8s.io";
  public static final String API_VERSION = GROUP + "/v1";
  public static final ResourceDefinitionContext SNAPSHOTS =
      context("VolumeSnapshot", "volumesnapshots", true);
  public static final ResourceDefinitionContext CONTENTS =
      context("VolumeSnapshotContent", "volumesnapshotcontents", false);
  public static final ResourceDefinitionContext CLASSES =
      context("VolumeSnapshotClass", "volumesnapshotclasses", false);

  private SnapshotResources() {}

  private static ResourceDefinitionContext context(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion("v1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  /** A new object of {@code context}'s kind with {@code name} (and namespace, when namespaced). */
  public static GenericKubernetesResource resource(
      ResourceDefinitionContext context, String namespace, String name) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(API_VERSION);
    resource.setKind(context.getKind());
    resource.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .build());
    return resource;
  }

  /**
   * The text at {@code path} ({@code "status", "restoreSize"}), or null when any step is absent.
   */
  public static String text(GenericKubernetesResource resource, String... path) {
    Object value = value(resource, path);
    return value == null ? null : String.valueOf(value);
  }

  public static boolean isTrue(GenericKubernetesResource resource, String... path) {
    Object value = value(resource, path);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  private static Object value(GenericKubernetesResource resource, String... path) {
    Object current = resource == null ? null : resource.getAdditionalProperties();
    for (String step : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(step);
    }
    return current;
  }
}
