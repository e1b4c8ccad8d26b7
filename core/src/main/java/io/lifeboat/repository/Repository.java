package io.lifeboat.repository;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lifeboat's repository on top of an object store: the descriptor, claims, backups in progress, the
 * catalog. It knows the marker protocol; it does not know S3.
 */
public final class Repository {
  private final ObjectStore store;
  private final Clock clock;

  public Repository(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * {@code store} as a backup run's credentials see it: puts under {@code data/}, {@code catalog/}
   * and {@code claims/} ({@link RepositoryLayout#BACKUP_WRITABLE}), reads of the descriptor and
   * claims only ({@link RepositoryLayout#BACKUP_READABLE}). Backup use-cases are tested through it.
   */
  public static ObjectStore backupView(ObjectStore store) {
    return new io.lifeboat.store.LeastPrivilegeStore(
        store, RepositoryLayout.BACKUP_READABLE, RepositoryLayout.BACKUP_WRITABLE);
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
    String key = RepositoryLayout.claim(kind, scope, slot);
    Instant now = clock.instant();
    Claim claim = new Claim(slot, Claim.RUNNING, null, runner, now, now.plus(ttl));
    Optional<String> created = store.put(key, Json.write(claim), Condition.ifAbsent());
    if (created.isPresent()) {
      return Optional.of(new ClaimTicket(store, key, claim, created.get(), false));
    }
    return store
        .read(key)
        .filter(existing -> Json.read(existing.content(), Claim.class, key).reclaimableAt(now))
        .flatMap(existing -> store.put(key, Json.write(claim), Condition.ifMatch(existing.etag())))
        .map(etag -> new ClaimTicket(store, key, claim, etag, true));
  }

  /** Starts a backup: a fresh id whose data objects can now be written. Nothing is visible yet. */
  public PendingBackup begin(Kind kind, Scope scope, String slot) {
    BackupId id = BackupId.next(clock.instant());
    return new PendingBackup(this, new BackupRef(kind, scope, id), slot, clock.instant());
  }

  /**
   * Every committed backup of {@code kind} (of one scope, or all when {@code scope} is null),
   * oldest first, from one LIST of the catalog and no object reads. Foreign keys are skipped.
   */
  public List<BackupRef> list(Kind kind, Scope scope) {
    List<BackupRef> refs = new ArrayList<>();
    try (Stream<io.lifeboat.store.ObjectInfo> listing =
        store.list(RepositoryLayout.catalogPrefix(kind, scope))) {
      listing.forEach(info -> RepositoryLayout.parseCatalogEntry(info.key()).ifPresent(refs::add));
    }
    refs.sort(Comparator.comparing(BackupRef::id));
    return refs;
  }

  /** Reads one backup's manifest; a missing entry is exit 7 naming the backup and the location. */
  public Manifest manifest(BackupRef ref) {
    String key = ref.catalogKey();
    var stored =
        store
            .read(key)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "backup '"
                            + ref.scope()
                            + "/"
                            + ref.id()
                            + "' not found under "
                            + store.location()));
    return Manifest.checked(Json.read(stored.content(), Manifest.class, key), key);
  }

  /** {@code latest} or an id, within one kind and scope. */
  public BackupRef resolve(Kind kind, Scope scope, String idOrLatest) {
    if ("latest".equals(idOrLatest)) {
      List<BackupRef> all = list(kind, scope);
      if (all.isEmpty()) {
        throw new NotFoundException(
            "no " + kind + " backup of '" + scope + "' under " + store.location());
      }
      return all.get(all.size() - 1);
    }
    return new BackupRef(kind, scope, BackupId.parse(idOrLatest));
  }
}
