package io.lifeboat.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.AlreadyLockedException;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.LeaseRecord;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.RetentionPolicy;
import io.lifeboat.store.Condition;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prune on one real store. Subclasses run it on the file store and on S3Proxy. The clock runs a
 * month ahead of the wall clock, so objects the store dates by its own clock are old for it.
 */
public abstract class PruneContract {
  protected final MutableClock clock =
      new MutableClock(Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS));
  protected final Scope prod = Scope.cluster(new ClusterName("prod"));
  protected ObjectStore store;

  /** A fresh, empty store for one test. */
  protected abstract ObjectStore newStore() throws Exception;

  /**
   * Makes the store date {@code key} at {@code when} (its LastModified or mtime), as if written
   * then: the store's clock is what catalog entries are judged by, and the test clock runs ahead.
   */
  protected abstract void writtenAt(String key, Instant when) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aDryRunPrintsEachBackupWithKeepOrRemoveAndTheReasonsAndDeletesNothing() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 4);
    List<String> before = keys();

    PrunePlan plan = pruner(store).plan(Kind.ETCD, prod, keepLast(2));

    assertThat(plan.render())
        .contains("prune etcd prod")
        .contains("keep    " + backups.get(3).id() + "  newest complete backup, last 1 of 2")
        .contains("keep    " + backups.get(2).id() + "  last 2 of 2")
        .contains("remove  " + backups.get(1).id() + "  kept by no rule")
        .contains("remove  " + backups.get(0).id() + "  kept by no rule");
    assertThat(keys()).isEqualTo(before);
  }

  @Test
  void pruneDeletesTheCatalogEntryAndDataOfEveryBackupThePolicyDrops() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 5);

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(2), "test");

    assertThat(outcome.report().catalogEntries()).isEqualTo(3);
    assertThat(keys())
        .containsExactlyInAnyOrder(
            backups.get(3).catalogKey(),
            data(backups.get(3)),
            backups.get(4).catalogKey(),
            data(backups.get(4)));
    assertThat(outcome.report().refused()).isEmpty();
  }

  @Test
  void theNewestBackupSurvivesAPolicyOfAllZeros() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 3);

    pruner(store).prune(Kind.ETCD, prod, PruneSettings.of(RetentionPolicy.newestOnly()), "test");

    assertThat(keys()).containsExactlyInAnyOrder(backups.get(2).catalogKey(), data(backups.get(2)));
  }

  @Test
  void aForgedFutureDatedEntryDoesNotDisplaceRealBackups() {
    List<BackupRef> real = hourly(Kind.ETCD, prod, 3);
    BackupRef forged = backup(Kind.ETCD, prod, clock.instant().plus(Duration.ofDays(3)));

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(2), "test");

    assertThat(keys())
        .contains(real.get(1).catalogKey(), real.get(2).catalogKey(), forged.catalogKey())
        .contains(data(real.get(2)), data(forged))
        .doesNotContain(real.get(0).catalogKey());
    assertThat(outcome.plan().render())
        .contains("ignore  " + forged.id() + "  future-dated: dated in the future");
  }

  @Test
  void anInFlightBackupsDataSurvivesWhileOldOrphanDataIsCollected() {
    BackupRef committed = backup(Kind.ETCD, prod, clock.instant().minus(Duration.ofHours(1)));
    BackupRef inFlight = dataOnly(Kind.ETCD, prod, clock.instant().minus(Duration.ofHours(2)));
    BackupRef abandoned = dataOnly(Kind.ETCD, prod, clock.instant().minus(Duration.ofHours(30)));

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(5), "test");

    assertThat(keys()).contains(data(committed), data(inFlight)).doesNotContain(data(abandoned));
    assertThat(outcome.plan().render())
        .contains("spare   " + inFlight.dataPrefix() + "  data without catalog entry")
        .contains("delete  " + abandoned.dataPrefix() + "  data without catalog entry");
  }

  @Test
  void claimsOlderThanTheGracePeriodAreCollected() {
    backup(Kind.ETCD, prod, clock.instant().minus(Duration.ofHours(1)));
    String claim = RepositoryLayout.claim(Kind.ETCD, prod, "20261125T1815Z");
    store.put(claim, "{}".getBytes(StandardCharsets.UTF_8), Condition.ifAbsent());

    pruner(store).prune(Kind.ETCD, prod, keepLast(5), "test");

    // The store dates the claim by the wall clock, a month before the test clock.
    assertThat(keys()).doesNotContain(claim);
  }

  @Test
  void ofTwoPrunesRacingOneWorksAndTheOtherIsLockedAtOnce() throws Exception {
    hourly(Kind.ETCD, prod, 4);
    CountDownLatch loserDone = new CountDownLatch(1);
    ObjectStore gated =
        new ForwardingStore(store) {
          @Override
          public Stream<ObjectInfo> list(String prefix) {
            await(loserDone); // the lease holder waits here until the other prune gave up
            return super.list(prefix);
          }
        };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Pruner.Outcome>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String holder = "prune-" + i;
        runs.add(
            threads.submit(
                () -> {
                  try {
                    return pruner(gated).prune(Kind.ETCD, prod, keepLast(1), holder);
                  } catch (AlreadyLockedException locked) {
                    loserDone.countDown();
                    throw locked;
                  }
                }));
      }
      List<Throwable> failures = new ArrayList<>();
      int done = 0;
      for (Future<Pruner.Outcome> run : runs) {
        try {
          run.get(60, TimeUnit.SECONDS);
          done++;
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      assertThat(done).isEqualTo(1);
      assertThat(failures).singleElement().isInstanceOf(AlreadyLockedException.class);
      assertThat(ExitCode.of(failures.get(0)).code()).isEqualTo(11);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anExpiredLeaseIsTakenOver() {
    hourly(Kind.ETCD, prod, 3);
    new Leases(store, clock)
        .acquire(
            RepositoryLayout.pruneLease(Kind.ETCD, prod),
            "dead-pod",
            "prune",
            Duration.ofMinutes(10),
            List.of());

    assertThatThrownBy(() -> pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test"))
        .isInstanceOf(AlreadyLockedException.class)
        .hasMessageContaining("dead-pod");

    clock.advance(Duration.ofMinutes(11));
    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test");
    assertThat(outcome.report().catalogEntries()).isEqualTo(2);
    assertThat(keys()).noneMatch(k -> k.startsWith(RepositoryLayout.LEASES));
  }

  @Test
  void aPruneKilledAfterDeletingSomeCatalogEntriesIsFinishedByTheNext() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 6);
    ObjectStore dying =
        new ForwardingStore(store) {
          @Override
          public DeleteResult delete(Collection<String> keys) {
            delegate.delete(List.copyOf(keys).subList(0, 2));
            throw new LocationUnavailableException("killed after deleting 2 catalog entries");
          }
        };
    assertThatThrownBy(() -> pruner(dying).prune(Kind.ETCD, prod, keepLast(1), "dying"))
        .hasMessageContaining("killed");
    assertThat(keys()).doesNotContain(backups.get(0).catalogKey()).contains(data(backups.get(0)));

    assertThatThrownBy(() -> pruner(store).prune(Kind.ETCD, prod, keepLast(1), "next"))
        .isInstanceOf(AlreadyLockedException.class);
    clock.advance(PruneSettings.DEFAULT_LEASE_TTL.plusSeconds(1));
    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "next");

    // The removed backups are hours old, younger than the grace period: only the plan deletes them.
    assertThat(keys()).containsExactlyInAnyOrder(backups.get(5).catalogKey(), data(backups.get(5)));
    assertThat(outcome.inherited().deleted()).contains(data(backups.get(0)));
  }

  @Test
  void objectsUnderObjectLockRetentionAreSkippedAndReported() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 4);
    String lockedEntry = backups.get(0).catalogKey();
    String lockedData = data(backups.get(1));
    ObjectStore locking = new ObjectLockedStore(store, Set.of(lockedEntry, lockedData));

    Pruner.Outcome outcome = pruner(locking).prune(Kind.ETCD, prod, keepLast(1), "test");

    assertThat(outcome.report().refused())
        .containsOnlyKeys(lockedEntry, lockedData)
        .containsValue(ObjectLockedStore.REFUSAL);
    assertThat(outcome.report().kept()).containsOnlyKeys(backups.get(0).dataPrefix());
    assertThat(keys())
        .contains(lockedEntry, data(backups.get(0)), lockedData)
        .doesNotContain(backups.get(1).catalogKey(), backups.get(2).catalogKey());
    assertThat(outcome.report().summary()).contains("2 refused by the store (Object Lock)");
  }

  @Test
  void aBackupUnderALiveRestoreLeaseSurvivesUntilTheLeaseEnds() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 3);
    BackupRef restoring = backups.get(0);
    new Leases(store, clock)
        .acquire(
            RepositoryLayout.restoreLease(Kind.ETCD, prod),
            "restore-pod",
            "restore",
            Duration.ofHours(1),
            List.of(restoring.catalogKey()));

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test");

    assertThat(keys()).contains(restoring.catalogKey(), data(restoring));
    assertThat(keys()).doesNotContain(backups.get(1).catalogKey());
    assertThat(outcome.plan().render())
        .contains("hold    " + restoring.id() + "  read by restore lease");

    clock.advance(Duration.ofHours(2));
    pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test");
    assertThat(keys()).doesNotContain(restoring.catalogKey(), data(restoring));
  }

  @Test
  void volumeSnapshotContentsAreReclaimedBeforeTheDataThatListsThem() {
    Scope payments = Scope.namespace(new ClusterName("prod"), "payments");
    InMemorySnapshots cluster = new InMemorySnapshots();
    List<BackupRef> volumes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Instant time = clock.instant().minus(Duration.ofHours(3 - i));
      BackupRef ref = volumeBackup(payments, time, "snapcontent-" + i);
      cluster.contents.add("snapcontent-" + i);
      volumes.add(ref);
    }
    BackupRef orphan =
        new BackupRef(Kind.VOLUMES, payments, id(clock.instant().minus(Duration.ofDays(3))));
    store.put(
        orphan.dataPrefix() + "manifest.json",
        InMemorySnapshots.payloadManifest("snapcontent-x"),
        Condition.none());
    cluster.contents.add("snapcontent-x");
    cluster.unreachable.add(volumes.get(1));

    Pruner.Outcome outcome =
        new Pruner(store, clock, cluster).prune(Kind.VOLUMES, payments, keepLast(1), "test");

    assertThat(cluster.remaining()).containsExactly("snapcontent-1", "snapcontent-2");
    assertThat(cluster.dataPresentWhenReclaimed)
        .containsExactlyInAnyOrder(
            volumes.get(0).dataPrefix() + "manifest.json", orphan.dataPrefix() + "manifest.json");
    assertThat(outcome.report().reclaimed())
        .containsExactlyInAnyOrder(
            "VolumeSnapshotContent snapcontent-0", "VolumeSnapshotContent snapcontent-x");
    // Unreachable: its catalog entry is gone, its payload manifest stays for the next prune.
    assertThat(outcome.report().kept()).containsOnlyKeys(volumes.get(1).dataPrefix());
    assertThat(keys())
        .contains(volumes.get(1).dataPrefix() + "manifest.json")
        .doesNotContain(volumes.get(1).catalogKey(), volumes.get(0).dataPrefix() + "manifest.json");
  }

  @Test
  void volumeBackupsAreRefusedWithoutAReclaimerForTheirSnapshots() {
    Scope payments = Scope.namespace(new ClusterName("prod"), "payments");

    assertThatThrownBy(() -> pruner(store).prune(Kind.VOLUMES, payments, keepLast(1), "test"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lifeboat.prune.kinds");
  }

  @Test
  void namespacedScopesAreFoundFromOneListingOfTheCatalog() {
    ClusterName cluster = new ClusterName("prod");
    backup(Kind.NAMESPACE, Scope.namespace(cluster, "shop"), clock.instant());
    backup(Kind.NAMESPACE, Scope.namespace(cluster, "payments"), clock.instant());
    backup(Kind.NAMESPACE, Scope.namespace(new ClusterName("staging"), "shop"), clock.instant());

    assertThat(pruner(store).scopes(Kind.NAMESPACE, cluster))
        .extracting(Scope::toString)
        .containsExactly("prod/payments", "prod/shop");
  }

  // --- a compromised backup identity (put-only, Repository.backupView) attacking the catalog ---

  @Test
  void forgedNonJsonEntriesDatedOneSecondAfterRealBackupsDoNotDisplaceThem() {
    ObjectStore attacker = Repository.backupView(store);
    List<BackupRef> real = new ArrayList<>();
    List<BackupRef> forged = new ArrayList<>();
    for (int day = 4; day >= 1; day--) {
      BackupRef backup = backup(Kind.ETCD, prod, clock.instant().minus(Duration.ofDays(day)));
      real.add(backup);
      BackupRef fake = new BackupRef(Kind.ETCD, prod, id(backup.id().time().plusSeconds(1)));
      attacker.put(data(fake), PAYLOAD, Condition.none());
      attacker.put(fake.catalogKey(), "garbage".getBytes(StandardCharsets.UTF_8), Condition.none());
      dated(data(fake), fake.id().time().plus(RUN));
      dated(fake.catalogKey(), fake.id().time().plus(RUN));
      forged.add(fake);
    }
    PruneSettings keepDaily3 = PruneSettings.of(RetentionPolicy.newestOnly().withKeepDaily(3));

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepDaily3, "test");

    assertThat(outcome.plan().decision().kept())
        .containsExactly(real.get(3).id(), real.get(2).id(), real.get(1).id());
    assertThat(keys())
        .contains(real.get(1).catalogKey(), real.get(2).catalogKey(), real.get(3).catalogKey())
        .contains(data(real.get(1)), data(real.get(2)), data(real.get(3)))
        .doesNotContain(real.get(0).catalogKey());
    // Read (the policy would have kept them, then the look-ahead after a forgery); older than the
    // grace period by the store's clock, so collected as garbage, with the reason.
    assertThat(outcome.plan().render())
        .contains(
            "delete  " + forged.get(0).catalogKey() + "  invalid catalog entry (not a manifest")
        .contains(
            "delete  " + forged.get(1).catalogKey() + "  invalid catalog entry (not a manifest")
        .contains("spare   " + forged.get(3).catalogKey() + "  invalid catalog entry");
    assertThat(keys())
        .doesNotContain(forged.get(1).catalogKey(), data(forged.get(1)))
        .contains(forged.get(3).catalogKey());
  }

  @Test
  void aForgedExpiredPruneLeaseDeletesNeitherTheDescriptorNorBackupsNorOtherScopesNorLeases() {
    store.put(
        RepositoryLayout.descriptor(), "{}".getBytes(StandardCharsets.UTF_8), Condition.none());
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 3);
    Scope staging = Scope.cluster(new ClusterName("staging"));
    BackupRef otherScope = backup(Kind.ETCD, staging, clock.instant().minus(Duration.ofHours(1)));
    Scope shop = Scope.namespace(new ClusterName("prod"), "shop");
    BackupRef otherKind = backup(Kind.NAMESPACE, shop, clock.instant().minus(Duration.ofHours(1)));
    String restoreLease = RepositoryLayout.restoreLease(Kind.ETCD, staging);
    store.put(restoreLease, "{}".getBytes(StandardCharsets.UTF_8), Condition.none());
    List<String> named =
        List.of(
            RepositoryLayout.descriptor(),
            backups.get(2).catalogKey(),
            data(backups.get(2)),
            backups.get(0).catalogKey(),
            otherScope.catalogKey(),
            data(otherScope),
            otherKind.catalogKey(),
            restoreLease,
            RepositoryLayout.pruneLease(Kind.ETCD, staging));
    Instant past = clock.instant().minus(Duration.ofHours(1));
    // Written as a backup identity could where the bucket policy lets it put under leases/.
    store.put(
        RepositoryLayout.pruneLease(Kind.ETCD, prod),
        Json.write(new LeaseRecord("forger", "prune", past, past, named, List.of())),
        Condition.none());
    store.put(
        RepositoryLayout.pruneLease(Kind.ETCD, staging),
        "{}".getBytes(StandardCharsets.UTF_8),
        Condition.none());
    List<String> before = keys();

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(3), "test");

    assertThat(keys())
        .containsAll(named)
        .containsExactlyInAnyOrderElementsOf(
            before.stream()
                .filter(k -> !k.equals(RepositoryLayout.pruneLease(Kind.ETCD, prod)))
                .toList());
    assertThat(outcome.rejected())
        .containsEntry(RepositoryLayout.descriptor(), "the repository descriptor is never deleted")
        .containsEntry(restoreLease, "a lease is never deleted through a plan")
        .containsEntry(otherScope.catalogKey(), "outside the lease's kind and scope (etcd prod)")
        .containsEntry(backups.get(2).catalogKey(), "this prune's own decision keeps it")
        .hasSize(named.size());
    assertThat(outcome.summary())
        .contains(named.size() + " keys of an earlier prune's plan rejected");
  }

  @Test
  void aForgedUnreadableLeaseNeitherLocksPruneOutNorHandsItKeys() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 2);
    store.put(
        RepositoryLayout.pruneLease(Kind.ETCD, prod),
        "not a lease".getBytes(StandardCharsets.UTF_8),
        Condition.none());

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(2), "test");

    assertThat(outcome.report().deleted()).isEmpty();
    assertThat(keys()).contains(backups.get(0).catalogKey(), backups.get(1).catalogKey());
  }

  @Test
  void anEntryDated2099NeverBecomesLatestAndIsReported() {
    List<BackupRef> real = hourly(Kind.ETCD, prod, 2);
    ObjectStore attacker = Repository.backupView(store);
    BackupRef forged = new BackupRef(Kind.ETCD, prod, id(Instant.parse("2099-01-01T00:00:00Z")));
    attacker.put(data(forged), PAYLOAD, Condition.none());
    attacker.put(forged.catalogKey(), manifest(forged, PAYLOAD.length), Condition.none());
    Repository repository = new Repository(store, clock);

    assertThat(repository.resolve(Kind.ETCD, prod, "latest")).isEqualTo(real.get(1));
    assertThat(repository.entries(Kind.ETCD, prod))
        .filteredOn(e -> e.ref().equals(forged))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(CatalogEntry.Status.FUTURE_DATED))
        .satisfies(e -> assertThat(e.reason()).startsWith("dated in the future"));
    assertThat(repository.list(Kind.ETCD, prod)).containsExactlyElementsOf(real);
    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test");
    assertThat(outcome.plan().render()).contains("ignore  " + forged.id() + "  future-dated");
    assertThat(keys()).contains(real.get(1).catalogKey(), forged.catalogKey());
  }

  @Test
  void aForgedInvalidNewestEntryIsSkippedByLatestAndRefusedByIdWithTheReason() {
    List<BackupRef> real = hourly(Kind.ETCD, prod, 2);
    BackupRef forged = new BackupRef(Kind.ETCD, prod, id(clock.instant().minusSeconds(60)));
    ObjectStore attacker = Repository.backupView(store);
    attacker.put(data(forged), PAYLOAD, Condition.none());
    attacker.put(forged.catalogKey(), manifest(forged, PAYLOAD.length + 1), Condition.none());
    dated(data(forged), clock.instant());
    dated(forged.catalogKey(), clock.instant());
    Repository repository = new Repository(store, clock);

    assertThat(repository.resolve(Kind.ETCD, prod, "latest")).isEqualTo(real.get(1));
    assertThatThrownBy(() -> repository.manifest(forged))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("is 7 bytes, the manifest records 8");
  }

  @Test
  void aBackDatedEntryIsReportedNotCountedAndNotDeleted() {
    BackupRef today = backup(Kind.ETCD, prod, clock.instant().minus(Duration.ofHours(1)));
    BackupRef twoDaysAgo = backup(Kind.ETCD, prod, clock.instant().minus(Duration.ofDays(2)));
    // Dated yesterday, written now: meant to take yesterday's daily slot.
    BackupRef forged =
        new BackupRef(Kind.ETCD, prod, id(clock.instant().minus(Duration.ofDays(1))));
    ObjectStore attacker = Repository.backupView(store);
    attacker.put(data(forged), PAYLOAD, Condition.none());
    attacker.put(forged.catalogKey(), manifest(forged, PAYLOAD.length), Condition.none());
    dated(data(forged), clock.instant());
    dated(forged.catalogKey(), clock.instant());
    PruneSettings keepDaily2 = PruneSettings.of(RetentionPolicy.newestOnly().withKeepDaily(2));

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepDaily2, "test");

    assertThat(outcome.plan().decision().kept()).containsExactly(today.id(), twoDaysAgo.id());
    assertThat(outcome.plan().render()).contains("ignore  " + forged.id() + "  back-dated: ");
    assertThat(keys()).contains(twoDaysAgo.catalogKey(), forged.catalogKey(), data(forged));
  }

  @Test
  void aPruneDeletesNothingWhenEveryEntryIsInvalid() {
    ObjectStore attacker = Repository.backupView(store);
    for (int day = 5; day >= 2; day--) {
      BackupRef ref =
          new BackupRef(Kind.ETCD, prod, id(clock.instant().minus(Duration.ofDays(day))));
      attacker.put(data(ref), PAYLOAD, Condition.none());
      attacker.put(
          ref.catalogKey(),
          "{\"formatVersion\": 1}".getBytes(StandardCharsets.UTF_8),
          Condition.none());
      dated(data(ref), ref.id().time().plus(RUN));
      dated(ref.catalogKey(), ref.id().time().plus(RUN));
    }
    dataOnly(Kind.ETCD, prod, clock.instant().minus(Duration.ofDays(3)));
    List<String> before = keys();

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test");

    assertThat(keys()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(outcome.plan().garbage()).isEmpty();
    assertThat(outcome.plan().render()).contains("no backup of this scope counts");
  }

  @Test
  void aFloodOfValidLookingEntriesDatedNowDisplacesOnlyTheCurrentPeriodsKeepers() {
    clock.set(clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(14)));
    BackupRef earlierToday = backup(Kind.ETCD, prod, clock.instant().minus(Duration.ofHours(2)));
    List<BackupRef> previous = new ArrayList<>();
    for (int day : new int[] {40, 10, 3, 2, 1}) {
      previous.add(backup(Kind.ETCD, prod, clock.instant().minus(Duration.ofDays(day))));
    }
    ObjectStore attacker = Repository.backupView(store);
    for (int i = 1; i <= 50; i++) {
      BackupRef fake = new BackupRef(Kind.ETCD, prod, id(clock.instant().minusSeconds(i)));
      attacker.put(data(fake), PAYLOAD, Condition.none());
      attacker.put(fake.catalogKey(), manifest(fake, PAYLOAD.length), Condition.none());
      dated(data(fake), clock.instant());
      dated(fake.catalogKey(), clock.instant());
    }
    PruneSettings settings =
        PruneSettings.of(
            RetentionPolicy.newestOnly()
                .withKeepLast(3)
                .withKeepDaily(7)
                .withKeepWeekly(4)
                .withKeepMonthly(3));

    pruner(store).prune(Kind.ETCD, prod, settings, "test");

    for (BackupRef kept : previous) {
      assertThat(keys()).contains(kept.catalogKey(), data(kept));
    }
    assertThat(keys()).doesNotContain(earlierToday.catalogKey());
  }

  // --- fixtures ---

  protected Pruner pruner(ObjectStore on) {
    return new Pruner(on, clock, ExternalResources.none());
  }

  protected static PruneSettings keepLast(int n) {
    return PruneSettings.of(RetentionPolicy.newestOnly().withKeepLast(n));
  }

  /** {@code count} committed backups an hour apart, the newest an hour before now; oldest first. */
  protected List<BackupRef> hourly(Kind kind, Scope scope, int count) {
    List<BackupRef> refs = new ArrayList<>();
    for (int i = count; i > 0; i--) {
      refs.add(backup(kind, scope, clock.instant().minus(Duration.ofHours(i))));
    }
    return refs;
  }

  private static final AtomicInteger SUFFIX = new AtomicInteger();

  protected static BackupId id(Instant time) {
    return new BackupId(
        time.truncatedTo(ChronoUnit.SECONDS),
        String.format("%04x", SUFFIX.incrementAndGet() & 0xffff));
  }

  /**
   * Data, then the catalog entry, as a backup run writes them; the store dates both a minute after
   * the id's time (a one-minute run).
   */
  protected BackupRef backup(Kind kind, Scope scope, Instant time) {
    BackupRef ref = dataOnly(kind, scope, time);
    store.put(ref.catalogKey(), manifest(ref, PAYLOAD.length), Condition.ifAbsent());
    dated(ref.catalogKey(), ref.id().time().plus(RUN));
    return ref;
  }

  protected BackupRef dataOnly(Kind kind, Scope scope, Instant time) {
    BackupRef ref = new BackupRef(kind, scope, id(time));
    store.put(data(ref), PAYLOAD, Condition.none());
    dated(data(ref), ref.id().time().plus(RUN));
    return ref;
  }

  protected static final byte[] PAYLOAD = "payload".getBytes(StandardCharsets.UTF_8);
  protected static final Duration RUN = Duration.ofMinutes(1);

  protected void dated(String key, Instant when) {
    try {
      writtenAt(key, when);
    } catch (Exception e) {
      throw new IllegalStateException("cannot date " + key, e);
    }
  }

  private BackupRef volumeBackup(Scope scope, Instant time, String content) {
    BackupRef ref = new BackupRef(Kind.VOLUMES, scope, id(time));
    byte[] payload = InMemorySnapshots.payloadManifest(content);
    store.put(ref.dataPrefix() + "manifest.json", payload, Condition.none());
    store.put(
        ref.catalogKey(), manifest(ref, "manifest.json", payload.length), Condition.ifAbsent());
    dated(ref.dataPrefix() + "manifest.json", ref.id().time().plus(RUN));
    dated(ref.catalogKey(), ref.id().time().plus(RUN));
    return ref;
  }

  protected static String data(BackupRef ref) {
    return RepositoryLayout.dataObject(ref.kind(), ref.scope(), ref.id(), "payload.zst");
  }

  protected static byte[] manifest(BackupRef ref, long size) {
    return manifest(ref, "payload.zst", size);
  }

  /** A valid manifest recording one data object {@code name} of {@code size} bytes. */
  protected static byte[] manifest(BackupRef ref, String name, long size) {
    return Json.write(
        Manifest.builder(ref.kind(), ref.scope().toString(), ref.id().toString())
            .times(ref.id().time(), ref.id().time())
            .tool("test")
            .objects(List.of(new DataObject(name, size, "0".repeat(64), null, null)))
            .compression("zstd")
            .build());
  }

  protected List<String> keys() {
    try (Stream<ObjectInfo> listing = store.list("")) {
      return listing.map(ObjectInfo::key).toList();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other prune never gave up");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
