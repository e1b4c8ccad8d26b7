package io.lifeboat.etcd.delta;

import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Catalog;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.ManifestCheck;
import io.lifeboat.repository.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Finds what a delta run may build on, with a backup run's rights: one LIST of {@code
 * catalog/etcd}, then manifests read newest first until one of each kind validates. An entry counts
 * only when its dates pass ({@link io.lifeboat.repository.CatalogRules}), its manifest matches its
 * key, and, for a delta, its facts are coherent and its base and root are listed and count. So a
 * forged, back-dated or broken entry is never continued; one that passes is checked again, data
 * included, by restore.
 *
 * <p>Candidates, best first: the newest delta when its chain starts at the newest full snapshot
 * (continue the chain); otherwise the newest full snapshot (start a new chain), then the newest
 * delta (when the new full snapshot's start revision is already compacted).
 */
public final class ChainHead {
  private static final Logger LOG = Logger.getLogger(ChainHead.class);

  private ChainHead() {}

  public static List<ChainLink> candidates(Catalog catalog, Scope scope) {
    List<CatalogEntry> entries = catalog.etcdEntriesForBackup(scope);
    Map<BackupRef, CatalogEntry> byRef =
        entries.stream().collect(Collectors.toMap(CatalogEntry::ref, Function.identity()));
    List<CatalogEntry> newestFirst = new ArrayList<>(entries);
    Collections.reverse(newestFirst);
    Optional<ChainLink> full = newest(catalog, newestFirst, Kind.ETCD, byRef);
    Optional<ChainLink> delta = newest(catalog, newestFirst, Kind.ETCD_DELTA, byRef);
    List<ChainLink> candidates = new ArrayList<>();
    if (delta.isPresent()
        && (full.isEmpty() || delta.get().root().equals(full.get().ref().id().toString()))) {
      candidates.add(delta.get());
      full.ifPresent(candidates::add);
    } else {
      full.ifPresent(candidates::add);
      delta.ifPresent(candidates::add);
    }
    return candidates;
  }

  private static Optional<ChainLink> newest(
      Catalog catalog,
      List<CatalogEntry> newestFirst,
      Kind kind,
      Map<BackupRef, CatalogEntry> all) {
    for (CatalogEntry entry : newestFirst) {
      if (entry.ref().kind() != kind) {
        continue;
      }
      if (!entry.counts()) {
        LOG.warnf(
            "delta base: skipped %s (%s: %s)", entry.ref(), entry.status().text(), entry.reason());
        continue;
      }
      ManifestCheck.Result check = catalog.readForBackup(entry.ref());
      String problem = check.valid() ? null : check.reason();
      Optional<ChainLink> link = Optional.empty();
      if (problem == null) {
        try {
          link = Optional.of(link(entry.ref(), check.manifest(), all));
        } catch (RuntimeException incoherent) {
          problem = incoherent.getMessage();
        }
      }
      if (link.isPresent()) {
        return link;
      }
      LOG.warnf("delta base: skipped %s (invalid: %s)", entry.ref(), problem);
    }
    return Optional.empty();
  }

  private static ChainLink link(
      BackupRef ref, Manifest manifest, Map<BackupRef, CatalogEntry> all) {
    if (ref.kind() == Kind.ETCD) {
      EtcdSource source = manifest.source(EtcdSource.class);
      if (source == null || source.revisionLowerBound() < 1) {
        throw new IllegalArgumentException("the snapshot records no revision");
      }
      String id = ref.id().toString();
      return new ChainLink(ref, source.revisionLowerBound(), id, 0, 0, null);
    }
    DeltaSource source = manifest.source(DeltaSource.class);
    DeltaChecks.coherent(source);
    BackupRef base =
        new BackupRef(Kind.parse(source.baseKind()), ref.scope(), BackupId.parse(source.base()));
    BackupRef root = new BackupRef(Kind.ETCD, ref.scope(), BackupId.parse(source.root()));
    if (!counts(all, base) || !counts(all, root)) {
      throw new IllegalArgumentException("its base or root is not a listed entry that counts");
    }
    return new ChainLink(
        ref,
        source.toRevision(),
        source.root(),
        source.chainLength(),
        source.chainBytes(),
        source.clusterId());
  }

  private static boolean counts(Map<BackupRef, CatalogEntry> all, BackupRef ref) {
    CatalogEntry entry = all.get(ref);
    return entry != null && entry.counts();
  }
}
