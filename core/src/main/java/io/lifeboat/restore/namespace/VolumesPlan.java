package io.lifeboat.restore.namespace;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.volumes.VolumesSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a restore's PVCs come from: the {@link VolumeBackupChoice}'s decision and, when a volumes
 * backup was chosen, that backup and its {@link VolumesSource} (read from its catalog entry at plan
 * time, so {@code --dry-run} shows it). The archive's PVCs the volumes backup holds are then
 * created by {@link io.lifeboat.volumes.VolumeRestorer} from their snapshots, the others (and every
 * PVC when nothing was chosen) from the archive.
 *
 * @param decision the choice in words, for the plan and the report
 * @param backup the chosen volumes backup, or null
 * @param source its catalog entry's source, or null
 */
public record VolumesPlan(String decision, BackupRef backup, VolumesSource source) {

  public static VolumesPlan none(String decision) {
    return new VolumesPlan(decision, null, null);
  }

  /**
   * Lists the volumes backups of the namespace backup's own scope (one LIST; none for {@code
   * none}), chooses, and reads the chosen one's catalog entry.
   */
  public static VolumesPlan decide(
      Repository repository, VolumeBackupChoice choice, BackupRef namespaceBackup) {
    List<BackupId> available =
        choice.never()
            ? List.of()
            : repository.list(Kind.VOLUMES, namespaceBackup.scope()).stream()
                .map(BackupRef::id)
                .toList();
    VolumeBackupChoice.Decision decision = choice.choose(namespaceBackup.id(), available);
    if (decision.chosen() == null) {
      return none(decision.reason());
    }
    BackupRef chosen = new BackupRef(Kind.VOLUMES, namespaceBackup.scope(), decision.chosen());
    VolumesSource source = repository.manifest(chosen).source(VolumesSource.class);
    return new VolumesPlan(decision.reason(), chosen, source);
  }

  /** True when a volumes backup was chosen. */
  public boolean fromSnapshots() {
    return backup != null;
  }

  /** The PVC names the chosen volumes backup holds (empty when none was chosen). */
  public Set<String> pvcs() {
    Set<String> names = new TreeSet<>();
    if (source != null) {
      source.volumes().forEach(v -> names.add(v.pvc()));
    }
    return names;
  }

  /**
   * True for an archived PVC the chosen volumes backup holds, and for the archived PV bound to one:
   * the volume restorer brings the claim back from its snapshot, on a new volume.
   */
  public boolean covers(ArchivedObject o) {
    if (source == null) {
      return false;
    }
    if (o.kind().equals("PersistentVolumeClaim")) {
      return source.namespace().equals(o.namespace()) && pvcs().contains(o.name());
    }
    if (o.kind().equals("PersistentVolume")) {
      var claim = o.object().path("spec").path("claimRef");
      return source.namespace().equals(claim.path("namespace").asText())
          && pvcs().contains(claim.path("name").asText());
    }
    return false;
  }

  /** {@code prod/shop/<id>}: how the volume restorer labels what it creates. */
  public String backupName() {
    return backup == null ? null : backup.scope() + "/" + backup.id();
  }
}
