package io.lifeboat.repository;

import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one owner of "which catalog entries count". Everything that chooses backups (prune, {@code
 * latest}, {@code backups list}, restore and verify through {@link Repository}) goes through it, so
 * a forged, broken, back-dated or future-dated entry is judged the same way everywhere.
 *
 * <p>{@link #list} costs one LIST of {@code catalog/<kind>/<scope>/} and one of {@code
 * data/<kind>/<scope>/} and reads nothing; it judges each entry by what the store says (dates,
 * size, data present: {@link CatalogRules}). Manifests are read only on demand ({@link
 * CatalogListing#validate}): prune reads the entries its policy would keep, {@code latest} reads
 * newest first until one validates, {@code backups list} reads all it shows. Reading every manifest
 * of a 100k-entry catalog on each prune (100k GETs) is what this avoids; an entry the policy
 * removes needs no reading, since it goes either way.
 */
public final class Catalog {
  private final ObjectStore store;
  private final Clock clock;
  private final CatalogRules rules;

  public Catalog(ObjectStore store, Clock clock, CatalogRules rules) {
    this.store = store;
    this.clock = clock;
    this.rules = rules;
  }

  /** Every entry of {@code kind} (one scope, or every scope when null), judged from listings. */
  public CatalogListing list(Kind kind, Scope scope) {
    Map<BackupRef, DataFolder> folders = new LinkedHashMap<>();
    String dataPrefix = RepositoryLayout.dataPrefix(kind, scope);
    try (Stream<ObjectInfo> listing = store.list(dataPrefix)) {
      listing.forEach(
          info ->
              ref(kind, scope, dataPrefix, info.key(), "/")
                  .ifPresent(ref -> folders.computeIfAbsent(ref, DataFolder::new).add(info)));
    }
    Instant now = clock.instant();
    Map<BackupRef, CatalogEntry> entries = new LinkedHashMap<>();
    String catalogPrefix = RepositoryLayout.catalogPrefix(kind, scope);
    try (Stream<ObjectInfo> listing = store.list(catalogPrefix)) {
      listing.forEach(
          info ->
              ref(kind, scope, catalogPrefix, info.key(), ".json")
                  .ifPresent(ref -> entries.put(ref, judge(ref, info, now, folders))));
    }
    return new CatalogListing(store, entries, folders);
  }

  /**
   * The backup a listed key belongs to. Within one scope only the id segment is parsed (prune lists
   * 200k keys of a large scope; parsing cluster and namespace names again for each costs more than
   * the rest of the plan); across scopes the whole key is, by {@link RepositoryLayout}.
   */
  private static Optional<BackupRef> ref(
      Kind kind, Scope scope, String prefix, String key, String idEnd) {
    if (scope == null) {
      return (idEnd.equals("/")
              ? RepositoryLayout.parseDataFolder(key)
              : RepositoryLayout.parseCatalogEntry(key))
          .filter(ref -> ref.kind() == kind);
    }
    String rest = key.substring(prefix.length());
    int end = rest.indexOf(idEnd);
    boolean shaped =
        end > 0
            && (idEnd.equals("/")
                ? end < rest.length() - 1
                : end == rest.length() - idEnd.length());
    if (!shaped || !BackupId.looksLikeId(rest.substring(0, end))) {
      return Optional.empty();
    }
    return Optional.of(new BackupRef(kind, scope, BackupId.parse(rest.substring(0, end))));
  }

  /**
   * The scopes with catalog entries under {@code within} (a cluster scope lists its namespaces),
   * from one LIST of the catalog alone: which scopes to visit, not which backups count.
   */
  public java.util.SortedSet<Scope> scopes(Kind kind, Scope within) {
    java.util.SortedSet<Scope> scopes =
        new java.util.TreeSet<>(java.util.Comparator.comparing(Scope::toString));
    try (Stream<ObjectInfo> listing = store.list(RepositoryLayout.catalogPrefix(kind, within))) {
      listing.forEach(
          info ->
              RepositoryLayout.parseCatalogEntry(info.key())
                  .filter(ref -> ref.kind() == kind)
                  .ifPresent(ref -> scopes.add(ref.scope())));
    }
    return scopes;
  }

  /**
   * The etcd entries of both kinds ({@code etcd}, {@code etcd-delta}) of {@code scope}, oldest
   * first, from one LIST of {@code catalog/etcd}: what a delta run may see with put-only rights. It
   * cannot list {@code data/}, so an entry is judged by its dates and size only ({@link
   * CatalogRules}); restore checks the data.
   */
  public java.util.List<CatalogEntry> etcdEntriesForBackup(Scope scope) {
    Instant now = clock.instant();
    java.util.List<CatalogEntry> found = new java.util.ArrayList<>();
    try (Stream<ObjectInfo> listing = store.list(RepositoryLayout.etcdCatalogs())) {
      listing.forEach(
          info ->
              RepositoryLayout.parseCatalogEntry(info.key())
                  .filter(ref -> ref.kind() == Kind.ETCD || ref.kind() == Kind.ETCD_DELTA)
                  .filter(ref -> ref.scope().equals(scope))
                  .ifPresent(ref -> found.add(judge(ref, info, now, null))));
    }
    found.sort(java.util.Comparator.comparing(e -> e.ref().id()));
    return found;
  }

  /**
   * Reads one entry and checks it against its key ({@link ManifestCheck}), taking the data objects'
   * sizes as recorded: a backup run may not read {@code data/}. Restore re-checks it whole.
   */
  public ManifestCheck.Result readForBackup(BackupRef ref) {
    String key = ref.catalogKey();
    byte[] content;
    try (java.io.InputStream in = store.get(key, 0, CatalogRules.MAX_MANIFEST_BYTES + 1)) {
      content = in.readAllBytes();
    } catch (io.lifeboat.error.NotFoundException gone) {
      return new ManifestCheck.Result(CatalogEntry.Status.INVALID, "entry vanished", null);
    } catch (java.io.IOException e) {
      throw new io.lifeboat.error.LocationUnavailableException(
          "cannot read '" + key + "' from " + store.location() + ": " + e.getMessage(), e);
    }
    if (content.length > CatalogRules.MAX_MANIFEST_BYTES) {
      return new ManifestCheck.Result(
          CatalogEntry.Status.INVALID, "entry is larger than a manifest may be", null);
    }
    java.util.Map<String, Long> recorded = new java.util.HashMap<>();
    try {
      Json.MAPPER
          .readValue(content, Manifest.class)
          .objects()
          .forEach(o -> recorded.put(o.name(), o.size()));
    } catch (java.io.IOException | RuntimeException unreadable) {
      // ManifestCheck names the problem below
    }
    return ManifestCheck.check(ref, content, name -> Optional.ofNullable(recorded.get(name)));
  }

  /** The newest entry of one scope that validates, reading manifests newest first. */
  public Optional<CatalogEntry> latest(Kind kind, Scope scope) {
    return list(kind, scope).latest();
  }

  private CatalogEntry judge(
      BackupRef ref, ObjectInfo info, Instant now, Map<BackupRef, DataFolder> folders) {
    // A store that gives no time (none we support) cannot witness anything: treat it as now.
    Instant written = info.lastModified() == null ? now : info.lastModified();
    return rules.judge(ref, written, info.size(), now, folders == null || folders.containsKey(ref));
  }
}
