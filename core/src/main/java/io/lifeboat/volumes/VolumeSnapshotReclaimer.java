package io.lifeboat.volumes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.prune.ExternalResources;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.util.ArrayList;
import java.util.List;

/**
 * What prune does for a volume backup it removes (or for volume garbage): for every content its
 * payload manifest lists, switch {@code deletionPolicy} back to {@code Delete} so the storage
 * snapshot goes too, delete the VolumeSnapshot if it is still there, then the content. Contents a
 * restore created (labelled {@code lifeboat.io/restore-id}) share the handle but are never listed
 * here, so they are never touched.
 */
public final class VolumeSnapshotReclaimer implements ExternalResources {
  private static final String DELETE_POLICY = "{\"spec\":{\"deletionPolicy\":\"Delete\"}}";
  private final KubernetesClient client;

  public VolumeSnapshotReclaimer(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public boolean covers(Kind kind) {
    return true;
  }

  @Override
  public List<String> reclaim(BackupRef backup, ObjectStore store) {
    if (backup.kind() != Kind.VOLUMES) {
      return List.of();
    }
    String key =
        RepositoryLayout.dataObject(
            Kind.VOLUMES, backup.scope(), backup.id(), PayloadManifest.NAME);
    var stored = store.read(key);
    if (stored.isEmpty()) {
      return List.of(); // reclaimed by an earlier prune that died before deleting the data
    }
    PayloadManifest manifest = Json.read(stored.get().content(), PayloadManifest.class, key);
    List<String> reclaimed = new ArrayList<>();
    try {
      for (PayloadManifest.Content content : manifest.contents()) {
        reclaim(content).ifPresent(reclaimed::add);
      }
    } catch (KubernetesClientException e) {
      throw new SourceUnavailableException(
          "reclaiming the snapshots of "
              + backup
              + " failed (HTTP "
              + e.getCode()
              + "): "
              + e.getMessage(),
          e);
    }
    return reclaimed;
  }

  private java.util.Optional<String> reclaim(PayloadManifest.Content content) {
    Resource<GenericKubernetesResource> resource =
        client.genericKubernetesResources(SnapshotResources.CONTENTS).withName(content.name());
    if (resource.get() != null) {
      resource.patch(PatchContext.of(PatchType.JSON_MERGE), DELETE_POLICY);
    }
    String snapshot = content.volumeSnapshot();
    if (snapshot != null && snapshot.contains("/")) {
      String[] parts = snapshot.split("/", 2);
      client
          .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
          .inNamespace(parts[0])
          .withName(parts[1])
          .delete();
    }
    boolean deleted = !resource.delete().isEmpty();
    return deleted
        ? java.util.Optional.of(
            "VolumeSnapshotContent " + content.name() + " (" + content.snapshotHandle() + ")")
        : java.util.Optional.empty();
  }
}
