package io.lifeboat.volumes.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels and annotations a volumes backup puts on every VolumeSnapshot it creates and every
 * VolumeSnapshotContent it retains, and the one check prune makes before it touches either: the
 * object carries all of them, for exactly the backup being removed. A payload manifest in the
 * bucket is writable by the backup identity, so it only says where to look; the marks on the object
 * say whether it is ours to delete.
 *
 * <pre>
 * labels:      app.kubernetes.io/managed-by: lifeboat
 *              lifeboat.io/backup-id: 20261125T181500Z-3f9a
 * annotations: lifeboat.io/backup-id: 20261125T181500Z-3f9a
 *              lifeboat.io/cluster: prod
 *              lifeboat.io/namespace: shop
 * </pre>
 *
 * The label makes them listable ({@code -l app.kubernetes.io/managed-by=lifeboat}); the annotations
 * hold the scope, which a label selector never needs.
 */
public final class OwnershipMarks {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String LIFEBOAT = "lifeboat";
  public static final String BACKUP_ID = "lifeboat.io/backup-id";
  public static final String CLUSTER = "lifeboat.io/cluster";
  public static final String NAMESPACE = "lifeboat.io/namespace";

  private OwnershipMarks() {}

  public static Map<String, String> labels(BackupId id) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, LIFEBOAT);
    labels.put(BACKUP_ID, id.toString());
    return labels;
  }

  public static Map<String, String> annotations(Scope scope, BackupId id) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(BACKUP_ID, id.toString());
    annotations.put(CLUSTER, scope.cluster().value());
    annotations.put(NAMESPACE, scope.namespace());
    return annotations;
  }

  /**
   * Why {@code resource} is not this backup's to delete, or empty when every mark is there and
   * names {@code scope} and {@code id}.
   */
  public static Optional<String> notOwned(
      GenericKubernetesResource resource, Scope scope, BackupId id) {
    Map<String, String> labels = orEmpty(resource.getMetadata().getLabels());
    Map<String, String> annotations = orEmpty(resource.getMetadata().getAnnotations());
    if (!LIFEBOAT.equals(labels.get(MANAGED_BY))) {
      return Optional.of("not labelled " + MANAGED_BY + "=" + LIFEBOAT);
    }
    // The marks' values are not echoed: whoever set them chose them.
    if (!id.toString().equals(labels.get(BACKUP_ID))) {
      return Optional.of("its " + BACKUP_ID + " label names another backup than " + id);
    }
    boolean annotated =
        annotations(scope, id).entrySet().stream()
            .allMatch(e -> e.getValue().equals(annotations.get(e.getKey())));
    if (!annotated) {
      return Optional.of(
          "its annotations "
              + CLUSTER
              + ", "
              + NAMESPACE
              + ", "
              + BACKUP_ID
              + " do not name "
              + scope
              + "/"
              + id);
    }
    return Optional.empty();
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
