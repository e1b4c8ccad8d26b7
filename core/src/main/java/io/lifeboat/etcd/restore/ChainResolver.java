package io.lifeboat.etcd.restore;

import io.lifeboat.error.NotFoundException;
import io.lifeboat.etcd.delta.ChainAtTime;
import io.lifeboat.etcd.delta.DeltaChain;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.CatalogListing;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the chain for a point-in-time restore with full read rights: both etcd catalogs are listed
 * and every entry validated against its key and data ({@link CatalogListing#validateAll}), so a
 * forged, back-dated or broken entry is never a link; then {@link DeltaChain#forRevision}.
 */
final class ChainResolver {
  private final Repository repository;

  ChainResolver(Repository repository) {
    this.repository = repository;
  }

  /** {@code backup}: a delta id (its chain), a full snapshot id (its deltas) or {@code latest}. */
  DeltaChain resolve(Scope scope, String backup, long revision) {
    Listed listed = list(scope);
    return DeltaChain.forRevision(
        chosen(scope, backup, listed.valid()), revision, listed.deltas(), listed.valid());
  }

  /** As {@link #resolve}, for an instant, by the store's {@code LastModified} of each entry. */
  ChainAtTime resolveAt(Scope scope, String backup, Instant time) {
    Listed listed = list(scope);
    return ChainAtTime.choose(
        chosen(scope, backup, listed.valid()),
        time,
        listed.deltas(),
        listed.valid(),
        listed.written());
  }

  /**
   * For the drill: the chain ending at {@code backup} when it is a delta, or, for {@code latest},
   * when the newest valid etcd backup (by id) is a delta; empty when it is a full snapshot. A
   * broken walk back throws {@link io.lifeboat.error.IntegrityException} naming the link: the
   * newest backup is drilled as it is, never a valid older one in its place.
   */
  Optional<DeltaChain> chainToDrill(Scope scope, String backup) {
    Listed listed = list(scope);
    Manifest tip;
    if ("latest".equals(backup)) {
      Comparator<Manifest> byId = Comparator.comparing(m -> m.ref().id());
      Optional<Manifest> newestDelta = listed.deltas().stream().max(byId);
      Optional<Manifest> newestFull =
          listed.valid().values().stream().filter(m -> m.kind() == Kind.ETCD).max(byId);
      if (newestDelta.isEmpty()
          || newestFull.isPresent() && byId.compare(newestFull.get(), newestDelta.get()) > 0) {
        return Optional.empty();
      }
      tip = newestDelta.get();
    } else {
      tip = chosen(scope, backup, listed.valid());
    }
    return tip.kind() == Kind.ETCD_DELTA
        ? Optional.of(DeltaChain.backFrom(tip, listed.valid()))
        : Optional.empty();
  }

  private record Listed(
      Map<BackupRef, Manifest> valid, List<Manifest> deltas, Map<BackupRef, Instant> written) {}

  private Listed list(Scope scope) {
    Map<BackupRef, Manifest> valid = new HashMap<>();
    Map<BackupRef, Instant> written = new HashMap<>();
    List<Manifest> deltas = new ArrayList<>();
    for (Kind kind : List.of(Kind.ETCD, Kind.ETCD_DELTA)) {
      CatalogListing listing = repository.catalog().list(kind, scope);
      for (CatalogEntry entry : listing.validateAll()) {
        listing.manifest(entry.ref()).ifPresent(m -> valid.put(entry.ref(), m));
        written.put(entry.ref(), entry.lastModified());
        if (kind == Kind.ETCD_DELTA && entry.status() == CatalogEntry.Status.VALID) {
          deltas.add(listing.manifest(entry.ref()).orElseThrow());
        }
      }
    }
    return new Listed(valid, deltas, written);
  }

  private Manifest chosen(Scope scope, String backup, Map<BackupRef, Manifest> valid) {
    if ("latest".equals(backup)) {
      return null;
    }
    BackupId id = BackupId.parse(backup);
    BackupRef delta = new BackupRef(Kind.ETCD_DELTA, scope, id);
    BackupRef full = new BackupRef(Kind.ETCD, scope, id);
    Manifest chosen = valid.get(delta) != null ? valid.get(delta) : valid.get(full);
    if (chosen == null) {
      // repository.manifest says why an entry that exists does not count (exit 6), else exit 7
      repository.manifest(listed(scope, id) ? delta : full);
      throw new NotFoundException("backup '" + scope + "/" + id + "' not found");
    }
    return chosen;
  }

  private boolean listed(Scope scope, BackupId id) {
    return repository
        .catalog()
        .list(Kind.ETCD_DELTA, scope)
        .entry(new BackupRef(Kind.ETCD_DELTA, scope, id))
        .isPresent();
  }
}
