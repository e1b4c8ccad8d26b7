package io.lifeboat.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects listed in one backup's data folder: their keys, their sizes by name (for validating a
 * manifest against them) and the newest {@code LastModified} among them (for aging garbage).
 */
public final class DataFolder {
  private final BackupRef ref;
  private final List<String> keys = new ArrayList<>();
  private final Map<String, Long> sizes = new HashMap<>();
  private Instant lastModified = Instant.EPOCH;

  DataFolder(BackupRef ref) {
    this.ref = ref;
  }

  void add(io.lifeboat.store.ObjectInfo info) {
    keys.add(info.key());
    sizes.put(info.key().substring(ref.dataPrefix().length()), info.size());
    if (info.lastModified() != null && info.lastModified().isAfter(lastModified)) {
      lastModified = info.lastModified();
    }
  }

  public BackupRef ref() {
    return ref;
  }

  /** Every key in the folder, in listing order. */
  public List<String> keys() {
    return List.copyOf(keys);
  }

  /** The newest write among the folder's objects, by the store's clock. */
  public Instant lastModified() {
    return lastModified;
  }

  /** The stored size of the object named {@code name} directly in the folder. */
  public Optional<Long> size(String name) {
    return Optional.ofNullable(sizes.get(name));
  }
}
