package io.lifeboat.prune;

import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.ObjectStore;
import java.util.List;

/**
 * What a backup holds outside the object store, such as the VolumeSnapshotContents a volume
 * backup's payload manifest ({@code data/volumes/<scope>/<id>/manifest.json}) lists. Prune calls
 * {@link #reclaim} for every backup data folder it is about to delete (of removed backups and of
 * garbage alike), after the catalog entry is gone and before the data, so the payload manifest
 * naming the resources is deleted only once they are.
 *
 * <p>The volume kind plugs its implementation in here (switch the contents back to {@code Delete},
 * delete the VolumeSnapshots and contents). Prune refuses a kind this instance does not {@link
 * #covers cover}, so volume backups are never pruned by a build that would leak their snapshots.
 */
public interface ExternalResources {

  /** True when this instance reclaims everything backups of {@code kind} hold outside the store. */
  boolean covers(Kind kind);

  /**
   * Deletes what {@code backup} holds outside the store, reading what it needs from {@code store}
   * (its data folder is still intact). Idempotent: a prune that dies after this ran calls it again,
   * and resources already gone (or a payload manifest already deleted) are not an error.
   *
   * @return one line per resource reclaimed, and the resources the backup's data named but which
   *     are not provably its own (left untouched), for the report
   * @throws io.lifeboat.error.LifeboatException when a resource could not be reclaimed; prune then
   *     keeps the backup's data so the next prune tries again
   */
  Reclaimed reclaim(BackupRef backup, ObjectStore store);

  /**
   * What one {@link #reclaim} did.
   *
   * @param reclaimed one line per resource deleted
   * @param leftAlone resources the data named that were left untouched, with why (not marked as
   *     this backup's, outside its namespace, an unreadable list): the bucket is writable by the
   *     backup identity, so what it names is a claim to check, never an order
   */
  record Reclaimed(List<String> reclaimed, java.util.Map<String, String> leftAlone) {
    public Reclaimed {
      reclaimed = List.copyOf(reclaimed);
      leftAlone = java.util.Map.copyOf(leftAlone);
    }

    public static Reclaimed of(List<String> reclaimed) {
      return new Reclaimed(reclaimed, java.util.Map.of());
    }
  }

  /** For kinds whose backups live wholly in the store: etcd snapshots and namespace exports. */
  static ExternalResources none() {
    return new ExternalResources() {
      @Override
      public boolean covers(Kind kind) {
        return kind != Kind.VOLUMES;
      }

      @Override
      public Reclaimed reclaim(BackupRef backup, ObjectStore store) {
        return Reclaimed.of(List.of());
      }
    };
  }
}
