package io.lifeboat.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A volumes backup's facts, stored as the catalog entry's {@code source}: everything a restore
 * needs to recreate each PVC from its storage snapshot without the namespace, its VolumeSnapshots
 * or this cluster's StorageClasses. Failed PVCs are in the manifest's {@code failures}.
 *
 * @param namespace the namespace whose PVCs were snapshotted
 * @param payloadManifest the data object listing the VolumeSnapshotContents ({@value
 *     PayloadManifest#NAME})
 * @param volumes one entry per PVC whose snapshot became ready, sorted by PVC name
 */
public record VolumesSource(String namespace, String payloadManifest, List<Volume> volumes) {
  public VolumesSource {
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
  }

  /**
   * One PVC's snapshot.
   *
   * @param pvc the PVC's name
   * @param labels the PVC's labels, restored with it
   * @param spec the PVC's {@code spec} as the API returned it
   * @param storageClass the PVC's StorageClass, or null
   * @param size the PVC's requested storage ({@code 10Gi})
   * @param volumeSnapshot the VolumeSnapshot created in the namespace
   * @param volumeSnapshotContent the bound VolumeSnapshotContent (set to {@code Retain})
   * @param driver the CSI driver that holds the snapshot
   * @param snapshotHandle the storage system's id of the snapshot: what a restore needs
   * @param restoreSize the smallest volume the snapshot restores into ({@code 10Gi}), or null
   * @param volumeSnapshotClass the class used
   * @param classRule why that class ({@link SnapshotClassChooser.Rule})
   * @param readyAt when Lifeboat saw {@code readyToUse}
   */
  public record Volume(
      String pvc,
      Map<String, String> labels,
      JsonNode spec,
      String storageClass,
      String size,
      String volumeSnapshot,
      String volumeSnapshotContent,
      String driver,
      String snapshotHandle,
      String restoreSize,
      String volumeSnapshotClass,
      SnapshotClassChooser.Rule classRule,
      Instant readyAt) {
    public Volume {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
  }
}
