package io.lifeboat.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects listed in one backup's data folder: their keys, their sizes by name (for validating a
 * manifest against them) and the newest {@code LastModified} among them (for aging garbage).
 */
public final class DataFolder {
  private final BackupRef ref;
  // Listed objects, not a map by name: a folder holds one or two objects, and prune lists 100k.
  private final List<io.lifeboat.store.ObjectInfo> objects = new ArrayList<>(2);
  private Instant lastModified = Instant.EPOCH;

  DataFolder(BackupRef ref) {
    this.ref = ref;
  }

  void add(io.lifeboat.store.ObjectInfo info) {
    objects.add(info);
    if (info.lastModified() != null && info.lastModified().isAfter(lastModified)) {
      lastModified = info.lastModified();
    }
  }

  public BackupRef ref() {
    return ref;
  }

  /** Every key in the folder, in listing order. */
  public List<String> keys() {
    return objects.stream().map(io.lifeboat.store.ObjectInfo::key).toList();
  }

  /** The newest write among the folder's objects, by the store's clock. */
  public Instant lastModified() {
    return lastModified;
  }

  /** The stored size of the object named {@code name} directly in the folder. */
  public Optional<Long> size(String name) {
    String key = ref.dataPrefix() + name;
    return objects.stream()
        .filter(o -> o.key().equals(key))
        .map(io.lifeboat.store.ObjectInfo::size)
        .findFirst();
  }
}
