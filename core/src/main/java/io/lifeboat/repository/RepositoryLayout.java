package io.lifeboat.repository;

import java.util.Optional;

/**
 * The one place that builds object keys (like Velero's ObjectStoreLayout). Keys are relative to the
 * location's prefix:
 *
 * <pre>
 * lifeboat.json                                 repository descriptor
 * data/&lt;kind&gt;/&lt;scope&gt;/&lt;id&gt;/&lt;name&gt;            payload objects, written first
 * catalog/&lt;kind&gt;/&lt;scope&gt;/&lt;id&gt;.json             manifest and completion marker, written last
 * claims/&lt;kind&gt;/&lt;scope&gt;/&lt;slot&gt;               one per schedule slot
 * restores/&lt;kind&gt;/&lt;scope&gt;/&lt;restore-id&gt;.json   restore reports
 * leases/prune-&lt;kind&gt;-&lt;scope&gt;.json             prune lease
 * leases/restore-&lt;kind&gt;-&lt;scope&gt;.json           restore lease
 * probes/&lt;random&gt;                              repo init's conditional-write probe
 * claims/repo-check/&lt;random&gt;                   repo check's proof that the identity may put
 * </pre>
 *
 * <p>Repo check's scratch object lives under {@code claims/} because that is where the put-only
 * backup identity may write (and read by key), so one check proves both identities; no prune or
 * backup reads it ({@code repo-check} is no kind).
 */
public final class RepositoryLayout {
  public static final String DESCRIPTOR = "lifeboat.json";
  public static final String CATALOG = "catalog/";
  public static final String DATA = "data/";
  public static final String CLAIMS = "claims/";
  public static final String LEASES = "leases/";
  public static final String RESTORES = "restores/";
  public static final String PROBES = "probes/";
  private static final String JSON = ".json";

  /**
   * Key prefixes a backup run may read, by key (never listing): the descriptor; claims (so a retry
   * sees whether the slot's earlier run failed); catalog entries (so a run whose commit reply was
   * lost reads its own entry back, and a taker of an expired claim sees whether its backup was
   * committed). Nothing under them is secret or backup data; a backup run could overwrite a catalog
   * entry with its put rights anyway, which is the more powerful right.
   */
  public static final java.util.Set<String> BACKUP_READABLE =
      java.util.Set.of(DESCRIPTOR, CLAIMS, CATALOG);

  /**
   * Key prefixes a backup run may write: its payload, its catalog entry, its slot's claim. Never
   * {@code leases/} (a forged prune lease names keys to delete), {@code lifeboat.json}, {@code
   * restores/} or {@code probes/}. docs/s3-policies.md grants {@code PutObject} on exactly these.
   */
  public static final java.util.Set<String> BACKUP_WRITABLE =
      java.util.Set.of(DATA, CATALOG, CLAIMS);

  /**
   * The one LIST a backup run may make: the etcd catalog of both etcd kinds ({@code catalog/etcd/}
   * and {@code catalog/etcd-delta/} share it), so a delta run finds its base. Catalog keys name
   * backups, never hold secrets; docs/s3-policies.md grants {@code s3:ListBucket} on this prefix.
   */
  public static final String ETCD_CATALOGS = CATALOG + "etcd";

  public static final java.util.Set<String> BACKUP_LISTABLE = java.util.Set.of(ETCD_CATALOGS);

  private RepositoryLayout() {}

  /** The LIST prefix of every etcd catalog entry, full snapshots and deltas, of every cluster. */
  public static String etcdCatalogs() {
    return ETCD_CATALOGS;
  }

  public static String descriptor() {
    return DESCRIPTOR;
  }

  public static String dataPrefix(Kind kind, Scope scope, BackupId id) {
    return DATA + kind.segment() + "/" + scope + "/" + id + "/";
  }

  public static String dataObject(Kind kind, Scope scope, BackupId id, String name) {
    if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
      throw new IllegalArgumentException(
          "data object name must be a plain file name, was '" + name + "'");
    }
    return dataPrefix(kind, scope, id) + name;
  }

  /** Every data object of {@code kind}, or of one scope when {@code scope} is not null. */
  public static String dataPrefix(Kind kind, Scope scope) {
    return DATA + kind.segment() + "/" + (scope == null ? "" : scope + "/");
  }

  public static String catalogPrefix(Kind kind, Scope scope) {
    return CATALOG + kind.segment() + "/" + (scope == null ? "" : scope + "/");
  }

  public static String catalogEntry(Kind kind, Scope scope, BackupId id) {
    return catalogPrefix(kind, scope) + id + JSON;
  }

  public static String claim(Kind kind, Scope scope, String slot) {
    return CLAIMS + kind.segment() + "/" + scope + "/" + slot;
  }

  public static String claimPrefix(Kind kind, Scope scope) {
    return CLAIMS + kind.segment() + "/" + (scope == null ? "" : scope + "/");
  }

  public static String restoreReport(Kind kind, Scope scope, String restoreId) {
    return RESTORES + kind.segment() + "/" + scope + "/" + restoreId + JSON;
  }

  public static String pruneLease(Kind kind, Scope scope) {
    return LEASES + "prune-" + kind.segment() + "-" + scope + JSON;
  }

  public static String restoreLease(Kind kind, Scope targetScope) {
    return LEASES + "restore-" + kind.segment() + "-" + targetScope + JSON;
  }

  /** Every restore lease of {@code kind}, whatever its target scope (prune lists them). */
  public static String restoreLeasePrefix(Kind kind) {
    return LEASES + "restore-" + kind.segment() + "-";
  }

  public static String probe(String random) {
    return PROBES + random;
  }

  /** Where repo check's scratch objects live. */
  public static final String ACCESS_CHECKS = CLAIMS + "repo-check/";

  public static String accessCheck(String random) {
    return ACCESS_CHECKS + random;
  }

  /**
   * The backup whose data folder holds {@code key} ({@code data/<kind>/<scope>/<id>/<name>}); empty
   * for any other key, including folders not named like a backup id.
   */
  public static Optional<BackupRef> parseDataObject(String key) {
    if (!key.startsWith(DATA)) {
      return Optional.empty();
    }
    String[] parts = key.substring(DATA.length()).split("/", -1);
    if (parts.length < 4 || parts.length > 5 || parts[parts.length - 1].isEmpty()) {
      return Optional.empty();
    }
    return parseRef(parts, parts.length - 1);
  }

  /**
   * The backup whose data folder holds {@code key} ({@code data/<kind>/<scope>/<id>/...}, at any
   * depth below the id); empty for keys outside a folder named like a backup id.
   */
  public static Optional<BackupRef> parseDataFolder(String key) {
    if (!key.startsWith(DATA)) {
      return Optional.empty();
    }
    String[] parts = key.substring(DATA.length()).split("/", -1);
    for (int length = 3; length <= 4 && length < parts.length; length++) {
      if (BackupId.looksLikeId(parts[length - 1]) && !parts[parts.length - 1].isEmpty()) {
        return parseRef(parts, length);
      }
    }
    return Optional.empty();
  }

  /** Parses a catalog key back into its backup reference; empty for anything else. */
  public static Optional<BackupRef> parseCatalogEntry(String key) {
    if (!key.startsWith(CATALOG) || !key.endsWith(JSON)) {
      return Optional.empty();
    }
    String rest = key.substring(CATALOG.length(), key.length() - JSON.length());
    String[] parts = rest.split("/");
    if (parts.length < 3 || parts.length > 4) {
      return Optional.empty();
    }
    return parseRef(parts, parts.length);
  }

  /** {@code parts[0..length)} as kind, cluster, [namespace,] id; empty when they are not. */
  private static Optional<BackupRef> parseRef(String[] parts, int length) {
    if (!BackupId.looksLikeId(parts[length - 1])) {
      return Optional.empty();
    }
    try {
      Kind kind = Kind.parse(parts[0]);
      if (kind.namespaced() != (length == 4)) {
        return Optional.empty();
      }
      Scope scope =
          length == 4
              ? Scope.namespace(new ClusterName(parts[1]), parts[2])
              : Scope.cluster(new ClusterName(parts[1]));
      return Optional.of(new BackupRef(kind, scope, BackupId.parse(parts[length - 1])));
    } catch (RuntimeException foreign) {
      return Optional.empty();
    }
  }
}
