package io.lifeboat.prune;

import io.lifeboat.prune.PrunePlan.Held;
import io.lifeboat.prune.PrunePlan.Removal;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Catalog;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.CatalogListing;
import io.lifeboat.repository.DataFolder;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.LeaseRecord;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
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
 * Plans one prune of one kind and scope from listings (the catalog, the data folders, the claims,
 * the incomplete uploads, the restore leases) and the manifests of the entries the policy would
 * keep ({@link CountedDecision}; see package-info). Deletes nothing.
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
    Catalog catalog = new Catalog(store, clock, settings.catalogRules());
    CatalogListing listing = catalog.list(kind, scope);
    RetentionDecision decision;
    List<CatalogEntry> brokenChains = List.of();
    if (kind == Kind.ETCD_DELTA) {
      ChainRetention.Chains chains =
          ChainRetention.chains(listing, catalog.list(Kind.ETCD, scope), scope);
      decision = ChainRetention.deltas(chains, settings.policy(), now);
      brokenChains = chains.broken();
    } else {
      decision = CountedDecision.decide(listing, kind, scope, settings.policy(), now);
      if (kind == Kind.ETCD) {
        decision =
            ChainRetention.roots(
                decision,
                ChainRetention.chains(catalog.list(Kind.ETCD_DELTA, scope), listing, scope));
      }
    }
    Map<BackupId, Held> holds = restoreHolds(kind, scope, decision.removed());
    List<Removal> removals = new ArrayList<>();
    // Oldest first: a prune that dies part-way has removed the least valuable backups.
    List<BackupId> oldestFirst = new ArrayList<>(decision.removed());
    java.util.Collections.reverse(oldestFirst);
    for (BackupId id : oldestFirst) {
      if (!holds.containsKey(id)) {
        BackupRef ref = new BackupRef(kind, scope, id);
        removals.add(new Removal(ref, listing.folders().get(ref).keys()));
      }
    }
    List<CatalogEntry> uncounted = new ArrayList<>();
    List<Garbage> garbage = new ArrayList<>();
    List<Garbage> spared = new ArrayList<>();
    Grace grace = new Grace(now, settings.gracePeriod(), garbage, spared);
    for (CatalogEntry entry : listing.entries()) {
      if (!entry.counts()) {
        uncounted.add(entry);
        if (entry.status() == CatalogEntry.Status.INVALID) {
          grace.sort(invalidEntry(entry, listing.folders().get(entry.ref())));
        }
      }
    }
    // Deltas outside every valid chain are reported, never deleted: a base overwritten by a
    // put-only identity must not turn prune against the deltas after it (fail closed).
    uncounted.addAll(brokenChains);
    listing.folders().entrySet().stream()
        .filter(folder -> listing.entry(folder.getKey()).isEmpty())
        .forEach(folder -> grace.sort(unusedFolder(folder.getValue())));
    claims(kind, scope).forEach(grace::sort);
    uploads(kind, scope).forEach(grace::sort);
    if (!listing.entries().isEmpty() && decision.verdicts().isEmpty()) {
      // Nothing counts: a forgery, a wrong location or a newer format. Fail closed.
      spared.addAll(0, garbage.stream().map(PrunePlanner::nothingCounts).toList());
      garbage.clear();
    }
    return new PrunePlan(
        kind,
        scope,
        now,
        decision,
        removals,
        List.copyOf(holds.values()),
        uncounted,
        garbage,
        spared);
  }

  private static Garbage nothingCounts(Garbage item) {
    return new Garbage(
        item.type(),
        item.name(),
        item.reason() + "; kept: no backup of this scope counts, so prune deletes nothing",
        item.keys(),
        item.upload(),
        item.written());
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
  private static Aged unusedFolder(DataFolder folder) {
    BackupRef ref = folder.ref();
    Instant written = later(folder.lastModified(), ref.id().time());
    return new Aged(
        written, Garbage.Type.DATA_FOLDER, ref.dataPrefix(), "data without catalog entry", folder);
  }

  /** An invalid entry and its data, aged by the store's clock: the later of their writes. */
  private static Aged invalidEntry(CatalogEntry entry, DataFolder folder) {
    List<String> keys = new ArrayList<>();
    keys.add(entry.ref().catalogKey());
    Instant written = entry.lastModified();
    if (folder != null) {
      keys.addAll(folder.keys());
      written = later(written, folder.lastModified());
    }
    return new Aged(
        written,
        Garbage.Type.INVALID_ENTRY,
        entry.ref().catalogKey(),
        "invalid catalog entry (" + entry.reason() + ")",
        keys,
        null);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
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

  /** An unreferenced item and when it was last written. */
  private record Aged(
      Instant written,
      Garbage.Type type,
      String name,
      String what,
      List<String> keys,
      IncompleteUpload upload) {
    Aged(Instant written, Garbage.Type type, String name, String what, DataFolder folder) {
      this(written, type, name, what, folder.keys(), null);
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
      Garbage entry =
          new Garbage(item.type(), item.name(), reason, item.keys(), item.upload(), item.written());
      (old ? garbage : spared).add(entry);
    }
  }
}
