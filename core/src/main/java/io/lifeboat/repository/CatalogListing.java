package io.lifeboat.repository;

import io.lifeboat.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The catalog of one kind (and scope) as listed once, with the entries' statuses; manifests are
 * read on demand and each at most once. Not a cache across runs: every prune, resolve and list
 * starts from fresh listings, so nothing a forger wrote earlier is trusted later.
 */
public final class CatalogListing {
  private static final int PARALLEL_READS = 8;
  private final ObjectStore store;
  private final Map<BackupRef, CatalogEntry> entries;
  private final Map<BackupRef, DataFolder> folders;
  private final Map<BackupRef, Manifest> manifests = new ConcurrentHashMap<>();
  private final List<BackupRef> order;

  CatalogListing(
      ObjectStore store, Map<BackupRef, CatalogEntry> entries, Map<BackupRef, DataFolder> folders) {
    this.store = store;
    this.entries = new ConcurrentHashMap<>(entries);
    this.folders = Map.copyOf(folders);
    List<BackupRef> sorted = new ArrayList<>(entries.keySet());
    sorted.sort(Comparator.comparing(BackupRef::id).thenComparing(ref -> ref.scope().toString()));
    this.order = List.copyOf(sorted);
  }

  /** Every entry with its current status, oldest first. */
  public List<CatalogEntry> entries() {
    List<CatalogEntry> all = new ArrayList<>(order.size());
    order.forEach(ref -> all.add(entries.get(ref)));
    return all;
  }

  public Optional<CatalogEntry> entry(BackupRef ref) {
    return Optional.ofNullable(entries.get(ref));
  }

  /** The data folders listed, by backup (with or without a catalog entry). */
  public Map<BackupRef, DataFolder> folders() {
    return folders;
  }

  /** The validated manifest of {@code ref}, when {@link #validate} found it VALID. */
  public Optional<Manifest> manifest(BackupRef ref) {
    return Optional.ofNullable(manifests.get(ref));
  }

  /**
   * Reads and validates an {@code UNREAD} entry's manifest ({@link ManifestCheck}) and returns its
   * new status; entries already judged are returned as they are, without a read.
   */
  public CatalogEntry validate(BackupRef ref) {
    CatalogEntry entry = entries.get(ref);
    if (entry == null || entry.status() != CatalogEntry.Status.UNREAD) {
      return entry;
    }
    DataFolder folder = folders.get(ref);
    ManifestCheck.Result result =
        read(ref)
            .map(
                content ->
                    content.length > CatalogRules.MAX_MANIFEST_BYTES
                        ? new ManifestCheck.Result(
                            CatalogEntry.Status.INVALID,
                            "entry is larger than a manifest may be",
                            null)
                        : ManifestCheck.check(ref, content, folder::size))
            .orElse(
                new ManifestCheck.Result(
                    CatalogEntry.Status.INVALID, "entry vanished while listed", null));
    if (result.valid()) {
      manifests.put(ref, result.manifest());
    }
    CatalogEntry judged = entry.judged(result.status(), result.reason());
    entries.put(ref, judged);
    return judged;
  }

  /** Validates every unread entry, {@value #PARALLEL_READS} reads at a time; for listing. */
  public List<CatalogEntry> validateAll() {
    List<BackupRef> unread =
        entries.values().stream()
            .filter(e -> e.status() == CatalogEntry.Status.UNREAD)
            .map(CatalogEntry::ref)
            .toList();
    ExecutorService readers = Executors.newFixedThreadPool(PARALLEL_READS);
    try {
      List<Future<CatalogEntry>> reads = new ArrayList<>();
      unread.forEach(ref -> reads.add(readers.submit(() -> validate(ref))));
      for (Future<CatalogEntry> read : reads) {
        read.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading manifests", e);
    } finally {
      readers.shutdownNow();
    }
    return entries();
  }

  /** The newest entry that validates (reading newest first, only as far as needed). */
  public Optional<CatalogEntry> latest() {
    List<CatalogEntry> newestFirst = new ArrayList<>(entries());
    java.util.Collections.reverse(newestFirst);
    for (CatalogEntry entry : newestFirst) {
      if (entry.counts() && validate(entry.ref()).status() == CatalogEntry.Status.VALID) {
        return Optional.of(entries.get(entry.ref()));
      }
    }
    return Optional.empty();
  }

  /** The entry's bytes, at most {@link CatalogRules#MAX_MANIFEST_BYTES} + 1 (a ranged read). */
  private Optional<byte[]> read(BackupRef ref) {
    String key = ref.catalogKey();
    try (InputStream in = store.get(key, 0, CatalogRules.MAX_MANIFEST_BYTES + 1)) {
      return Optional.of(in.readAllBytes());
    } catch (io.lifeboat.error.NotFoundException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new io.lifeboat.error.LocationUnavailableException(
          "cannot read '" + key + "' from " + store.location() + ": " + e.getMessage(), e);
    }
  }
}
