package io.lifeboat.volumes;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to restore: the backup's {@link VolumesSource} (from its catalog entry alone), into which
 * namespace, with which StorageClass mapping.
 *
 * @param backup the backup's name for labels and messages ({@code prod/shop/20261125T181500Z-3f9a})
 * @param restoreId a DNS-label-safe id of this restore; it makes the new objects' names unique, so
 *     a second restore of the same backup never collides with the first
 * @param storageClassMapping old StorageClass name to new; unmapped classes are kept
 * @param pvcs the PVCs to restore; empty means every one in the backup
 */
public record VolumeRestoreRequest(
    String backup,
    VolumesSource source,
    String targetNamespace,
    Map<String, String> storageClassMapping,
    String restoreId,
    Set<String> pvcs) {
  public VolumeRestoreRequest {
    Objects.requireNonNull(source, "source");
    if (targetNamespace == null || targetNamespace.isBlank()) {
      targetNamespace = source.namespace();
    }
    if (restoreId == null || !restoreId.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
      throw new InvalidConfigurationException(
          "restore id must be a lower-case DNS label, was '" + restoreId + "'");
    }
    storageClassMapping = storageClassMapping == null ? Map.of() : Map.copyOf(storageClassMapping);
    pvcs = pvcs == null ? Set.of() : Set.copyOf(pvcs);
  }

  public boolean includes(String pvc) {
    return pvcs.isEmpty() || pvcs.contains(pvc);
  }
}
