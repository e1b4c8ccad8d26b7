package io.lifeboat.prune;

import io.lifeboat.progress.Progress;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.ObjectStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out a plan, or the keys of a plan another prune left unfinished: every catalog entry
 * first, then each backup's external resources and data folder, then claims; deletes go out in
 * batches of 1,000 keys, and {@code atBatchBoundary} runs after each (the lease is renewed there).
 * Deleting is idempotent, so executing a plan twice, or half of it then all of it, ends the same.
 */
public final class PruneExecutor {
  public static final int BATCH = 1000;

  private final ObjectStore store;
  private final ExternalResources external;
  private final Runnable atBatchBoundary;

  public PruneExecutor(ObjectStore store, ExternalResources external, Runnable atBatchBoundary) {
    this.store = store;
    this.external = external;
    this.atBatchBoundary = atBatchBoundary;
  }

  /** Deletes what {@code plan} lists and aborts its old incomplete uploads. */
  public PruneReport execute(PrunePlan plan) {
    return execute(plan, Progress.NONE);
  }

  /**
   * As {@link #execute(PrunePlan)}, telling {@code progress} after each batch how many of the
   * plan's keys are settled (deleted, refused by the store, or kept with their backup's entry).
   */
  public PruneReport execute(PrunePlan plan, Progress progress) {
    Run run = new Run(Progress.orNone(progress));
    List<String> keys = plan.keys();
    run.total = keys.size();
    run.deleteKeys(keys);
    for (Garbage item : plan.garbage()) {
      if (item.upload() != null) {
        store.abortUpload(item.upload());
        run.uploadsAborted++;
        run.requests++;
      }
    }
    return run.report();
  }

  /** Deletes the keys of an inherited plan ({@link PrunePlan#keys()}), in the same order. */
  public PruneReport finish(List<String> keys) {
    Run run = new Run(Progress.NONE);
    run.deleteKeys(keys);
    return run.report();
  }

  private final class Run {
    final List<String> batch = new ArrayList<>(BATCH);
    final List<String> deleted = new ArrayList<>();
    final Map<String, String> refused = new LinkedHashMap<>();
    final Map<String, String> kept = new LinkedHashMap<>();
    final List<String> reclaimed = new ArrayList<>();
    final Map<String, String> leftAlone = new LinkedHashMap<>();
    int catalogEntries;
    int uploadsAborted;
    long requests;
    final Progress progress;
    long total = Progress.UNKNOWN;
    long settled;

    Run(Progress progress) {
      this.progress = progress;
    }

    void deleteKeys(List<String> keys) {
      List<String> catalog = new ArrayList<>();
      Map<BackupRef, List<String>> folders = new LinkedHashMap<>();
      List<String> others = new ArrayList<>();
      for (String key : keys) {
        Optional<BackupRef> data = RepositoryLayout.parseDataObject(key);
        if (RepositoryLayout.parseCatalogEntry(key).isPresent()) {
          catalog.add(key);
        } else if (data.isPresent()) {
          folders.computeIfAbsent(data.get(), ref -> new ArrayList<>()).add(key);
        } else {
          others.add(key);
        }
      }
      catalog.forEach(this::add);
      flush();
      catalogEntries = (int) catalog.stream().filter(k -> !refused.containsKey(k)).count();
      Set<String> lockedEntries = new HashSet<>(refused.keySet());
      folders.forEach((ref, folderKeys) -> deleteFolder(ref, folderKeys, lockedEntries));
      others.forEach(this::add);
      flush();
    }

    private void deleteFolder(BackupRef ref, List<String> keys, Set<String> lockedEntries) {
      if (lockedEntries.contains(ref.catalogKey())) {
        // Deleting the data of an entry that stays would leave a backup that cannot be restored.
        kept.put(ref.dataPrefix(), "its catalog entry is under retention: " + ref.catalogKey());
        settled += keys.size();
        return;
      }
      try {
        ExternalResources.Reclaimed outcome = external.reclaim(ref, store);
        reclaimed.addAll(outcome.reclaimed());
        leftAlone.putAll(outcome.leftAlone());
      } catch (RuntimeException e) {
        // The data names the external resources: keep it, so the next prune tries again.
        kept.put(ref.dataPrefix(), "could not reclaim what it holds outside the store: " + e);
        settled += keys.size();
        return;
      }
      keys.forEach(this::add);
    }

    private void add(String key) {
      batch.add(key);
      if (batch.size() == BATCH) {
        flush();
      }
    }

    private void flush() {
      if (batch.isEmpty()) {
        return;
      }
      DeleteResult result = store.delete(List.copyOf(batch));
      settled += batch.size();
      batch.clear();
      requests++;
      deleted.addAll(result.deleted());
      refused.putAll(result.refused());
      progress.advanced(settled, total);
      atBatchBoundary.run();
    }

    PruneReport report() {
      return new PruneReport(
          catalogEntries, deleted, refused, kept, reclaimed, leftAlone, uploadsAborted, requests);
    }
  }
}
