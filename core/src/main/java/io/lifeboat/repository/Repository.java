package io.lifeboat.repository;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lifeboat's repository on top of an object store: the descriptor, claims, backups in progress, the
 * catalog. It knows the marker protocol; it does not know S3.
 */
public final class Repository {
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(Repository.class);
  private final ObjectStore store;
  private final Clock clock;
  private final CatalogRules rules;

  /** A repository judging catalog entries with the default deadline and clock skew. */
  public Repository(ObjectStore store, Clock clock) {
    this(store, clock, CatalogRules.DEFAULTS);
  }

  public Repository(ObjectStore store, Clock clock, CatalogRules rules) {
    this.store = store;
    this.clock = clock;
    this.rules = rules;
  }

  /**
   * {@code store} as a backup run's credentials see it: puts under {@code data/}, {@code catalog/}
   * and {@code claims/} ({@link RepositoryLayout#BACKUP_WRITABLE}), reads of the descriptor and
   * claims only ({@link RepositoryLayout#BACKUP_READABLE}). Backup use-cases are tested through it.
   */
  public static ObjectStore backupView(ObjectStore store) {
    return new io.lifeboat.store.LeastPrivilegeStore(
        store,
        RepositoryLayout.BACKUP_READABLE,
        RepositoryLayout.BACKUP_WRITABLE,
        RepositoryLayout.BACKUP_LISTABLE);
  }

  public ObjectStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  public String location() {
    return store.location();
  }

  /** Reads {@code lifeboat.json}; a location without one is not a repository (exit 5). */
  public Descriptor descriptor() {
    var stored =
        store
            .read(RepositoryLayout.descriptor())
            .orElseThrow(
                () ->
                    new LocationUnavailableException(
                        "no Lifeboat repository at "
                            + store.location()
                            + ": run 'lifeboat repo init' first (lifeboat.json is missing)"));
    Descriptor descriptor =
        Json.read(stored.content(), Descriptor.class, RepositoryLayout.descriptor());
    if (descriptor.formatVersion() != Descriptor.FORMAT_VERSION) {
      throw new LocationUnavailableException(
          "repository at "
              + store.location()
              + " has format "
              + descriptor.formatVersion()
              + "; this Lifeboat knows format "
              + Descriptor.FORMAT_VERSION);
    }
    return descriptor;
  }

  /**
   * Reads the descriptor and refuses a run whose age recipients differ from the repository's, so a
   * misconfigured job cannot write backups nobody can decrypt (or leave them unencrypted).
   */
  public Descriptor openForBackup(Set<String> recipientFingerprints) {
    Descriptor descriptor = descriptor();
    Set<String> expected = new TreeSet<>(descriptor.recipients());
    Set<String> configured = new TreeSet<>(recipientFingerprints);
    if (!expected.equals(configured)) {
      throw new InvalidConfigurationException(
          "lifeboat.age.recipients "
              + (configured.isEmpty() ? "are not set" : "have fingerprints " + configured)
              + " but the repository at "
              + store.location()
              + " expects "
              + (expected.isEmpty() ? "no encryption" : expected));
    }
    return descriptor;
  }

  /**
   * Claims a schedule slot with put-if-absent, or takes over a claim whose run failed or expired.
   * Empty means another run owns the slot (live or done): the caller exits 0 as skipped.
   */
  public Optional<ClaimTicket> claim(
      Kind kind, Scope scope, String slot, String runner, Duration ttl) {
    return claim(kind, scope, slot, runner, ttl, null, Nonce.next()).won();
  }

  /**
   * Claims {@code slot} for the run with {@code nonce} that will commit {@code backupId}; see
   * {@link Claims}. A refusal says whose the slot is.
   */
  public ClaimAttempt claim(
      Kind kind,
      Scope scope,
      String slot,
      String runner,
      Duration ttl,
      BackupId backupId,
      String nonce) {
    return new Claims(store, clock).claim(kind, scope, slot, runner, ttl, backupId, nonce);
  }

  /** Starts a backup: a fresh id whose data objects can now be written. Nothing is visible yet. */
  public PendingBackup begin(Kind kind, Scope scope, String slot) {
    return begin(kind, scope, slot, Nonce.next());
  }

  /** Starts a backup of the run with {@code nonce}, which its catalog entry will carry. */
  public PendingBackup begin(Kind kind, Scope scope, String slot, String nonce) {
    BackupId id = BackupId.next(clock.instant());
    return new PendingBackup(this, new BackupRef(kind, scope, id), slot, nonce, clock.instant());
  }

  /** The catalog, judged with this repository's rules (see {@link Catalog}). */
  public Catalog catalog() {
    return new Catalog(store, clock, rules);
  }

  /**
   * Every backup of {@code kind} (of one scope, or all when {@code scope} is null) that counts,
   * oldest first: entries that pass the listing checks and whose manifest validates. Reads every
   * candidate manifest (eight at a time); {@link #entries} also returns the ones that do not count.
   */
  public List<BackupRef> list(Kind kind, Scope scope) {
    return entries(kind, scope).stream()
        .filter(e -> e.status() == CatalogEntry.Status.VALID)
        .map(CatalogEntry::ref)
        .toList();
  }

  /** Every catalog entry of {@code kind} (one scope or all), validated, oldest first. */
  public List<CatalogEntry> entries(Kind kind, Scope scope) {
    return catalog().list(kind, scope).validateAll();
  }

  /**
   * Reads one backup's manifest and validates it against its key and its data objects (one HEAD
   * each): a missing entry is exit 7, an entry that does not validate exit 6, naming the reason. So
   * nothing restores or verifies from a forged or broken entry.
   */
  public Manifest manifest(BackupRef ref) {
    String key = ref.catalogKey();
    byte[] content;
    try (java.io.InputStream in = store.get(key, 0, CatalogRules.MAX_MANIFEST_BYTES + 1)) {
      content = in.readAllBytes();
    } catch (NotFoundException e) {
      throw notFound(ref);
    } catch (java.io.IOException e) {
      throw new LocationUnavailableException(
          "cannot read '" + key + "' from " + store.location() + ": " + e.getMessage(), e);
    }
    if (content.length > CatalogRules.MAX_MANIFEST_BYTES) {
      throw new IntegrityException(
          "backup '" + ref + "' is not valid: its entry is larger than a manifest may be");
    }
    ManifestCheck.Result result =
        ManifestCheck.check(
            ref,
            content,
            name ->
                store
                    .stat(RepositoryLayout.dataObject(ref.kind(), ref.scope(), ref.id(), name))
                    .map(io.lifeboat.store.ObjectInfo::size));
    if (!result.valid()) {
      throw new IntegrityException(
          "backup '" + ref + "' under " + store.location() + " is not valid: " + result.reason());
    }
    return result.manifest();
  }

  /**
   * {@code latest} (the newest entry that counts and validates, never a future-dated, back-dated or
   * invalid one) or an id, within one kind and scope. Newer entries that do not count are logged
   * with their reason; when none counts but some exist, it is an integrity failure (exit 6) naming
   * the newest and why, so a damaged newest backup is never mistaken for an empty repository.
   */
  public BackupRef resolve(Kind kind, Scope scope, String idOrLatest) {
    if (!"latest".equals(idOrLatest)) {
      return new BackupRef(kind, scope, BackupId.parse(idOrLatest));
    }
    CatalogListing listing = catalog().list(kind, scope);
    Optional<CatalogEntry> latest = listing.latest();
    List<CatalogEntry> skipped =
        listing.entries().stream()
            .filter(e -> !e.counts())
            .filter(e -> latest.isEmpty() || e.ref().id().compareTo(latest.get().ref().id()) > 0)
            .toList();
    skipped.forEach(
        e -> LOG.warnf("latest: skipped %s (%s: %s)", e.ref(), e.status().text(), e.reason()));
    if (latest.isPresent()) {
      return latest.get().ref();
    }
    if (skipped.isEmpty()) {
      throw new NotFoundException(
          "no " + kind + " backup of '" + scope + "' under " + store.location());
    }
    CatalogEntry newest = skipped.get(skipped.size() - 1);
    throw new IntegrityException(
        "no valid "
            + kind
            + " backup of '"
            + scope
            + "' under "
            + store.location()
            + ": "
            + (skipped.size() == 1
                ? "1 entry does not count"
                : skipped.size() + " entries do not count")
            + "; the newest, "
            + newest.ref().id()
            + ", is "
            + newest.status().text()
            + ": "
            + newest.reason());
  }

  private NotFoundException notFound(BackupRef ref) {
    return new NotFoundException(
        "backup '" + ref.scope() + "/" + ref.id() + "' not found under " + store.location());
  }
}
