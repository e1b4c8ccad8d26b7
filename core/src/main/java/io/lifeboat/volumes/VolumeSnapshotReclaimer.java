package io.lifeboat.volumes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.prune.ExternalResources;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.internal.OwnershipMarks;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * What prune does for a volume backup it removes (or for volume garbage): for every content its
 * payload manifest lists, switch {@code deletionPolicy} back to {@code Delete} so the storage
 * snapshot goes too, delete the VolumeSnapshot if it is still there, then the content.
 *
 * <p>The payload manifest is in the bucket, which the backup identity can write: it says where to
 * look, never what to delete. A content or VolumeSnapshot is touched only when it carries every
 * {@link OwnershipMarks ownership mark} for exactly this backup (cluster, namespace, id), the
 * VolumeSnapshot lives in the backup's namespace and the content is bound to a snapshot there.
 * Anything else the manifest names is left alone and reported. Contents a restore created (labelled
 * {@code lifeboat.io/restore-id}) carry no backup marks, so they are never touched.
 */
public final class VolumeSnapshotReclaimer implements ExternalResources {
  private static final Logger LOG = Logger.getLogger(VolumeSnapshotReclaimer.class);
  private static final Pattern OBJECT_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private final KubernetesClient client;

  public VolumeSnapshotReclaimer(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public boolean covers(Kind kind) {
    return true;
  }

  @Override
  public Reclaimed reclaim(BackupRef backup, ObjectStore store) {
    if (backup.kind() != Kind.VOLUMES) {
      return Reclaimed.of(List.of());
    }
    String key =
        RepositoryLayout.dataObject(
            Kind.VOLUMES, backup.scope(), backup.id(), PayloadManifest.NAME);
    var stored = store.read(key);
    if (stored.isEmpty()) {
      return Reclaimed.of(List.of()); // reclaimed by an earlier prune that died before the data
    }
    Optional<PayloadManifest> manifest = parse(stored.get().content(), key, backup);
    if (manifest.isEmpty()) {
      return new Reclaimed(
          List.of(),
          Map.of(
              key,
              "not a payload manifest of "
                  + backup
                  + ": nothing it names was touched; list what is yours with -l "
                  + OwnershipMarks.BACKUP_ID
                  + "="
                  + backup.id()));
    }
    Run run = new Run(backup);
    try {
      manifest.get().contents().forEach(run::reclaim);
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
    run.leftAlone.forEach((what, why) -> LOG.warnf("%s left alone: %s", what, why));
    return new Reclaimed(run.reclaimed, run.leftAlone);
  }

  /** The manifest, when it parses and names {@code backup} itself; empty otherwise. */
  private static Optional<PayloadManifest> parse(byte[] content, String key, BackupRef backup) {
    try {
      PayloadManifest manifest = Json.read(content, PayloadManifest.class, key);
      String expected = backup.scope() + "/" + backup.id();
      return expected.equals(manifest.backup()) ? Optional.of(manifest) : Optional.empty();
    } catch (LifeboatException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** One backup's reclaim: what went, what stayed and why. */
  private final class Run {
    final BackupRef backup;
    final List<String> reclaimed = new ArrayList<>();
    final Map<String, String> leftAlone = new LinkedHashMap<>();

    Run(BackupRef backup) {
      this.backup = backup;
    }

    void reclaim(PayloadManifest.Content listed) {
      if (listed == null || !validName(listed.name())) {
        leftAlone.put("VolumeSnapshotContent entry", "not a valid object name");
        return;
      }
      String what = "VolumeSnapshotContent " + listed.name();
      var resource =
          client.genericKubernetesResources(SnapshotResources.CONTENTS).withName(listed.name());
      GenericKubernetesResource content = resource.get();
      Optional<String> refused = content == null ? Optional.empty() : notOurs(content);
      if (refused.isPresent()) {
        leftAlone.put(what, refused.get() + "; its VolumeSnapshot was not touched either");
        return;
      }
      if (content != null) {
        resource.patch(PatchContext.of(PatchType.JSON_MERGE), deletePolicy(content));
      }
      deleteSnapshot(listed);
      if (content != null && !resource.delete().isEmpty()) {
        reclaimed.add(what + " (" + listed.snapshotHandle() + ")");
      }
    }

    /** Why {@code content} is not this backup's: its marks, or its snapshot's namespace. */
    private Optional<String> notOurs(GenericKubernetesResource content) {
      Optional<String> marks = OwnershipMarks.notOwned(content, backup.scope(), backup.id());
      if (marks.isPresent()) {
        return marks;
      }
      String boundIn = SnapshotResources.text(content, "spec", "volumeSnapshotRef", "namespace");
      return boundIn == null || boundIn.equals(backup.scope().namespace())
          ? Optional.empty()
          : Optional.of(
              "bound to a VolumeSnapshot outside namespace " + backup.scope().namespace());
    }

    private void deleteSnapshot(PayloadManifest.Content listed) {
      String reference = listed.volumeSnapshot();
      if (reference == null || !reference.contains("/")) {
        return;
      }
      String[] parts = reference.split("/", 2);
      String what = "VolumeSnapshot " + reference;
      if (!parts[0].equals(backup.scope().namespace()) || !validName(parts[1])) {
        leftAlone.put(what, "not in namespace " + backup.scope().namespace() + " of " + backup);
        return;
      }
      var resource =
          client
              .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
              .inNamespace(parts[0])
              .withName(parts[1]);
      GenericKubernetesResource snapshot = resource.get();
      if (snapshot == null) {
        return;
      }
      String bound = SnapshotResources.text(snapshot, "status", "boundVolumeSnapshotContentName");
      Optional<String> refused =
          OwnershipMarks.notOwned(snapshot, backup.scope(), backup.id())
              .or(
                  () ->
                      bound == null || bound.equals(listed.name())
                          ? Optional.empty()
                          : Optional.of("bound to another content than " + listed.name()));
      if (refused.isPresent()) {
        leftAlone.put(what, refused.get());
      } else {
        resource.delete();
      }
    }
  }

  /**
   * {@code Delete}, conditional on the resource version just checked: should the marks change in
   * between, the API server answers 409 and nothing is switched.
   */
  private static String deletePolicy(GenericKubernetesResource content) {
    Map<String, Object> patch = new LinkedHashMap<>();
    String version = content.getMetadata().getResourceVersion();
    if (version != null) {
      patch.put("metadata", Map.of("resourceVersion", version));
    }
    patch.put("spec", Map.of("deletionPolicy", "Delete"));
    return Json.writeString(patch);
  }

  private static boolean validName(String name) {
    return name != null && OBJECT_NAME.matcher(name).matches();
  }
}
