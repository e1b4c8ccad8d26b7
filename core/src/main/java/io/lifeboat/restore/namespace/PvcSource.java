package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Decides how PersistentVolumeClaims come back: the extension point for restoring volumes from CSI
 * snapshots ({@code --volumes-backup}, built separately). The default, {@link #AS_ARCHIVED},
 * creates each claim as archived and cleaned: bound to its restored PersistentVolume, or
 * dynamically provisioned when its volume is not restored.
 */
public interface PvcSource {
  PvcSource AS_ARCHIVED = claim -> claim;

  /**
   * At plan time: the claim to create, given the cleaned (and modified) one; it may, for example,
   * set {@code spec.dataSource} to a VolumeSnapshot and clear {@code spec.volumeName}. Must not
   * touch the cluster (plans are printed by {@code --dry-run}).
   */
  ObjectNode claim(ObjectNode cleaned);

  /**
   * At execute time, just before {@code claim} is created: create what it needs (a
   * VolumeSnapshotContent and VolumeSnapshot, say). Throw to fail this claim with a reason.
   */
  default void beforeCreate(KubernetesClient client, ObjectNode claim) {}
}
