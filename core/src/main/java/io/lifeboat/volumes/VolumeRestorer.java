package io.lifeboat.volumes;

import static io.lifeboat.volumes.internal.SnapshotResources.CONTENTS;
import static io.lifeboat.volumes.internal.SnapshotResources.SNAPSHOTS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.volumes.VolumeRestoreReport.Result;
import io.lifeboat.volumes.VolumeRestoreReport.Status;
import io.lifeboat.volumes.VolumesSource.Volume;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recreates PVCs from a volumes backup's catalog entry alone, Velero's way: per PVC a
 * pre-provisioned VolumeSnapshotContent holding the recorded {@code snapshotHandle} ({@code
 * Retain}, so the restore never deletes the backup), a VolumeSnapshot bound to it, and a PVC whose
 * {@code dataSource} is that VolumeSnapshot. It works when the namespace, its VolumeSnapshots and
 * their original contents are gone. It never overwrites: an existing PVC is reported {@code
 * EXISTS}; the content and snapshot names derive from the restore id, so a retry of the same
 * restore finds its own objects and a new restore never collides with an old one.
 */
public final class VolumeRestorer {
  public static final String RESTORE_LABEL = "lifeboat.io/restore-id";
  public static final String RESTORED_FROM = "lifeboat.io/restored-from";

  private final KubernetesClient client;

  public VolumeRestorer(KubernetesClient client) {
    this.client = client;
  }

  /** Restores every requested PVC; one PVC's failure never stops the others. */
  public VolumeRestoreReport restore(VolumeRestoreRequest request) {
    List<Result> results = new ArrayList<>();
    for (Volume volume : request.source().volumes()) {
      if (request.includes(volume.pvc())) {
        results.add(restore(request, volume));
      }
    }
    return new VolumeRestoreReport(
        request.restoreId(), request.backup(), request.targetNamespace(), results);
  }

  private Result restore(VolumeRestoreRequest request, Volume volume) {
    String namespace = request.targetNamespace();
    String suffix = hash(request.restoreId() + "/" + namespace + "/" + volume.pvc());
    String contentName = "lifeboat-" + request.restoreId() + "-" + suffix;
    String snapshotName = cut(volume.pvc(), 253 - 9) + "-" + suffix.substring(0, 8);
    try {
      if (client.persistentVolumeClaims().inNamespace(namespace).withName(volume.pvc()).get()
          != null) {
        return new Result(
            volume.pvc(),
            Status.EXISTS,
            null,
            null,
            "PVC " + namespace + "/" + volume.pvc() + " already exists: left alone");
      }
      createIfAbsent(
          () ->
              client
                  .genericKubernetesResources(CONTENTS)
                  .resource(content(request, volume, contentName, snapshotName))
                  .create());
      createIfAbsent(
          () ->
              client
                  .genericKubernetesResources(SNAPSHOTS)
                  .inNamespace(namespace)
                  .resource(snapshot(request, namespace, snapshotName, contentName))
                  .create());
      HasMetadata pvc =
          createIfAbsent(
              () ->
                  client
                      .persistentVolumeClaims()
                      .inNamespace(namespace)
                      .resource(pvc(request, volume, snapshotName))
                      .create());
      return pvc == null
          ? new Result(
              volume.pvc(),
              Status.EXISTS,
              contentName,
              snapshotName,
              "PVC " + namespace + "/" + volume.pvc() + " appeared meanwhile: left alone")
          : new Result(
              volume.pvc(),
              Status.CREATED,
              contentName,
              snapshotName,
              "from snapshot handle " + volume.snapshotHandle());
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
      return new Result(
          volume.pvc(), Status.FAILED, contentName, snapshotName, KubeFailures.describe(e));
    } catch (IllegalArgumentException e) {
      return new Result(volume.pvc(), Status.FAILED, contentName, snapshotName, e.getMessage());
    }
  }

  private static GenericKubernetesResource content(
      VolumeRestoreRequest request, Volume volume, String name, String snapshotName) {
    GenericKubernetesResource content = SnapshotResources.resource(CONTENTS, null, name);
    content.getMetadata().setLabels(Map.of(RESTORE_LABEL, request.restoreId()));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("deletionPolicy", "Retain");
    spec.put("driver", volume.driver());
    spec.put("source", Map.of("snapshotHandle", volume.snapshotHandle()));
    spec.put(
        "volumeSnapshotRef",
        Map.of(
            "apiVersion",
            SnapshotResources.API_VERSION,
            "kind",
            "VolumeSnapshot",
            "namespace",
            request.targetNamespace(),
            "name",
            snapshotName));
    if (volume.volumeSnapshotClass() != null) {
      spec.put("volumeSnapshotClassName", volume.volumeSnapshotClass());
    }
    content.setAdditionalProperty("spec", spec);
    return content;
  }

  private static GenericKubernetesResource snapshot(
      VolumeRestoreRequest request, String namespace, String name, String contentName) {
    GenericKubernetesResource snapshot = SnapshotResources.resource(SNAPSHOTS, namespace, name);
    snapshot.getMetadata().setLabels(Map.of(RESTORE_LABEL, request.restoreId()));
    snapshot.setAdditionalProperty(
        "spec", Map.of("source", Map.of("volumeSnapshotContentName", contentName)));
    return snapshot;
  }

  private PersistentVolumeClaim pvc(VolumeRestoreRequest request, Volume volume, String snapshot) {
    ObjectNode recorded = volume.spec() == null ? null : volume.spec().deepCopy();
    if (recorded == null) {
      throw new IllegalArgumentException("the backup records no spec for PVC " + volume.pvc());
    }
    recorded.remove(List.of("volumeName", "dataSourceRef", "dataSource"));
    PersistentVolumeClaimSpec spec =
        client.getKubernetesSerialization().convertValue(recorded, PersistentVolumeClaimSpec.class);
    spec.setDataSource(
        new TypedLocalObjectReference(SnapshotResources.GROUP, "VolumeSnapshot", snapshot));
    String storageClass = spec.getStorageClassName();
    if (storageClass != null) {
      spec.setStorageClassName(
          request.storageClassMapping().getOrDefault(storageClass, storageClass));
    }
    Quantity size = larger(volume.size(), volume.restoreSize());
    if (size != null) {
      if (spec.getResources() == null) {
        spec.setResources(new io.fabric8.kubernetes.api.model.VolumeResourceRequirements());
      }
      Map<String, Quantity> requests = new LinkedHashMap<>();
      if (spec.getResources().getRequests() != null) {
        requests.putAll(spec.getResources().getRequests());
      }
      requests.put("storage", size);
      spec.getResources().setRequests(requests);
    }
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(volume.pvc())
        .withNamespace(request.targetNamespace())
        .withLabels(volume.labels())
        .addToAnnotations(RESTORED_FROM, String.valueOf(request.backup()))
        .addToAnnotations(RESTORE_LABEL, request.restoreId())
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  /** The larger of the PVC's request and the snapshot's restore size (a PVC may not be smaller). */
  static Quantity larger(String size, String restoreSize) {
    if (size == null || restoreSize == null) {
      return size != null
          ? new Quantity(size)
          : restoreSize != null ? new Quantity(restoreSize) : null;
    }
    BigDecimal a = Quantity.getAmountInBytes(new Quantity(size));
    BigDecimal b = Quantity.getAmountInBytes(new Quantity(restoreSize));
    return new Quantity(a.compareTo(b) >= 0 ? size : restoreSize);
  }

  /** Creates, or returns null when the object already exists (a retry of this restore). */
  private static <T> T createIfAbsent(Supplier<T> create) {
    try {
      return create.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return null;
      }
      throw e;
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
