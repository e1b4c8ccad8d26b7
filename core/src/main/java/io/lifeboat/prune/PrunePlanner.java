package io.lifeboat.prune;

import io.lifeboat.prune.PrunePlan.Held;
import io.lifeboat.prune.PrunePlan.Removal;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.LeaseRecord;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.Candidate;
import io.lifeboat.retention.RetentionDecision;
import io.lifeboat.store.IncompleteUpload;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plans one prune of one kind and scope from listings only: the catalog, the data folders, the
 * claims, the incomplete uploads and the restore leases (see package-info for why no manifest is
 * read). Deletes nothing.
 */
public final class PrunePlanner {
  private final ObjectStore store;
  private final Clock clock;

  public PrunePlanner(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The plan for {@code kind} and {@code scope} under {@code settings}, as of the clock's now. */
  public PrunePlan plan(Kind kind, Scope scope, PruneSettings settings) {
    Instant now = clock.instant();
    List<BackupRef> entries = new Repository(store, clock).list(kind, scope);
    Map<BackupId, DataFolder> folders = dataFolders(kind, scope);
    List<Candidate> candidates = new ArrayList<>(entries.size());
    for (BackupRef entry : entries) {
      candidates.add(new Candidate(entry.id(), folders.containsKey(entry.id())));
    }
    RetentionDecision decision = settings.policy().decide(candidates, now);
    Map<BackupId, Held> holds = restoreHolds(kind, scope, decision.removed());
    List<Removal> removals = new ArrayList<>();
    // Oldest first: a prune that dies part-way has removed the least valuable backups.
    List<BackupId> oldestFirst = new ArrayList<>(decision.removed());
    java.util.Collections.reverse(oldestFirst);
    for (BackupId id : oldestFirst) {
      if (!holds.containsKey(id)) {
        DataFolder folder = folders.get(id);
        removals.add(new Removal(new BackupRef(kind, scope, id), folder.keys));
      }
    }
    entries.forEach(entry -> folders.remove(entry.id()));
    List<Garbage> garbage = new ArrayList<>();
    List<Garbage> spared = new ArrayList<>();
    Grace grace = new Grace(now, settings.gracePeriod(), garbage, spared);
    folders.forEach((id, folder) -> grace.sort(unusedFolder(kind, scope, id, folder)));
    claims(kind, scope).forEach(grace::sort);
    uploads(kind, scope).forEach(grace::sort);
    return new PrunePlan(
        kind, scope, now, decision, removals, List.copyOf(holds.values()), garbage, spared);
  }

  /** Objects of each backup folder under {@code data/<kind>/<scope>/}, from one listing. */
  private Map<BackupId, DataFolder> dataFolders(Kind kind, Scope scope) {
    String prefix = RepositoryLayout.dataPrefix(kind, scope);
    Map<BackupId, DataFolder> folders = new LinkedHashMap<>();
    try (Stream<ObjectInfo> listing = store.list(prefix)) {
      listing.forEach(
          info -> {
            String rest = info.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            // Folders not named like a backup id are not ours to judge: leave them alone.
            if (slash > 0 && BackupId.looksLikeId(rest.substring(0, slash))) {
              BackupId id = BackupId.parse(rest.substring(0, slash));
              folders.computeIfAbsent(id, unused -> new DataFolder()).add(info);
            }
          });
    }
    return folders;
  }

  /** Removed backups that a live restore lease of this kind names, by catalog key or id. */
  private Map<BackupId, Held> restoreHolds(Kind kind, Scope scope, List<BackupId> removed) {
    Map<BackupId, Held> holds = new LinkedHashMap<>();
    if (removed.isEmpty()) {
      return holds;
    }
    List<String> leaseKeys;
    try (Stream<ObjectInfo> listing = store.list(RepositoryLayout.restoreLeasePrefix(kind))) {
      leaseKeys = listing.map(ObjectInfo::key).toList();
    }
    Leases leases = new Leases(store, clock);
    Map<String, Held> named = new HashMap<>();
    for (String key : leaseKeys) {
      leases
          .live(key)
          .ifPresent(
              (LeaseRecord lease) ->
                  lease.backups().forEach(b -> named.put(b, new Held(null, key, lease.holder()))));
    }
    for (BackupId id : removed) {
      Held hold = named.get(new BackupRef(kind, scope, id).catalogKey());
      hold = hold != null ? hold : named.get(id.toString());
      if (hold != null) {
        holds.put(id, new Held(id, hold.lease(), hold.holder()));
      }
    }
    return holds;
  }

  /** A data folder without a catalog entry. Its age is its last write or its id, the later. */
  private static Aged unusedFolder(Kind kind, Scope scope, BackupId id, DataFolder folder) {
    Instant written = folder.lastModified.isAfter(id.time()) ? folder.lastModified : id.time();
    String name = RepositoryLayout.dataPrefix(kind, scope, id);
    return new Aged(written, Garbage.Type.DATA_FOLDER, name, "data without catalog entry", folder);
  }

  private List<Aged> claims(Kind kind, Scope scope) {
    try (Stream<ObjectInfo> listing = store.list(RepositoryLayout.claimPrefix(kind, scope))) {
      return listing
          .map(c -> new Aged(c.lastModified(), Garbage.Type.CLAIM, c.key(), "claim", c.key()))
          .toList();
    }
  }

  private List<Aged> uploads(Kind kind, Scope scope) {
    List<Aged> aged = new ArrayList<>();
    for (IncompleteUpload upload :
        store.listIncompleteUploads(RepositoryLayout.dataPrefix(kind, scope))) {
      aged.add(new Aged(upload.initiated(), upload));
    }
    return aged;
  }

  private static final class DataFolder {
    final List<String> keys = new ArrayList<>();
    Instant lastModified = Instant.EPOCH;

    void add(ObjectInfo info) {
      keys.add(info.key());
      if (info.lastModified() != null && info.lastModified().isAfter(lastModified)) {
        lastModified = info.lastModified();
      }
    }
  }

  /** An unreferenced item and when it was last written. */
  private record Aged(
      Instant written,
      Garbage.Type type,
      String name,
      String what,
      List<String> keys,
      IncompleteUpload upload) {
    Aged(Instant written, Garbage.Type type, String name, String what, DataFolder folder) {
      this(written, type, name, what, folder.keys, null);
    }

    Aged(Instant written, Garbage.Type type, String name, String what, String key) {
      this(written, type, name, what, List.of(key), null);
    }

    Aged(Instant written, IncompleteUpload upload) {
      this(
          written,
          Garbage.Type.INCOMPLETE_UPLOAD,
          upload.key() + " (upload " + upload.uploadId() + ")",
          "incomplete upload",
          List.of(),
          upload);
    }
  }

  /** Sorts unreferenced items into garbage (older than the grace period) and spared. */
  private record Grace(Instant now, Duration period, List<Garbage> garbage, List<Garbage> spared) {
    void sort(Aged item) {
      Duration age = Duration.between(item.written(), now);
      boolean old = age.compareTo(period) > 0;
      String reason =
          item.what()
              + ", last written "
              + item.written()
              + (old ? ", older than " : ", younger than ")
              + "the grace period "
              + period;
      Garbage entry = new Garbage(item.type(), item.name(), reason, item.keys(), item.upload());
      (old ? garbage : spared).add(entry);
    }
  }
}
