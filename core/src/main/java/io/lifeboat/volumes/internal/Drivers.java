package io.lifeboat.volumes.internal;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CSI driver of a PVC: its bound PersistentVolume's {@code spec.csi.driver} (the truth for a
 * bound volume), else its StorageClass's {@code provisioner}. StorageClasses are read once per run.
 */
public final class Drivers {
  private final KubernetesClient client;
  private final Map<String, Optional<String>> provisioners = new HashMap<>();

  public Drivers(KubernetesClient client) {
    this.client = client;
  }

  /** The driver, or null when neither the PV nor the StorageClass names one. */
  public String driverOf(PersistentVolumeClaim pvc) {
    String volume = pvc.getSpec() == null ? null : pvc.getSpec().getVolumeName();
    if (volume != null && !volume.isBlank()) {
      PersistentVolume pv = readQuietly(() -> client.persistentVolumes().withName(volume).get());
      if (pv != null && pv.getSpec() != null && pv.getSpec().getCsi() != null) {
        return pv.getSpec().getCsi().getDriver();
      }
    }
    String className = pvc.getSpec() == null ? null : pvc.getSpec().getStorageClassName();
    if (className == null || className.isBlank()) {
      return null;
    }
    return provisioners
        .computeIfAbsent(
            className,
            name -> {
              StorageClass sc =
                  readQuietly(() -> client.storage().v1().storageClasses().withName(name).get());
              return Optional.ofNullable(sc == null ? null : sc.getProvisioner());
            })
        .orElse(null);
  }

  private static <T> T readQuietly(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 0 || e.getCode() == 401) {
        throw e;
      }
      return null; // 403/404: the other source may still name the driver
    }
  }
}
