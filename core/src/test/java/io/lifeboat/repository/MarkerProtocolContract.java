package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.AlreadyLockedException;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ConditionalConflictException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.ReplayingStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The marker protocol (claims, commits, leases, init) on one store. Subclasses run it on every
 * adapter, so the protocol is proven where it will run, not only in memory.
 */
public abstract class MarkerProtocolContract {
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final Scope scope = Scope.cluster(new ClusterName("prod"));
  protected ObjectStore store;
  private Repository repository;

  /** A fresh, empty store for one test. */
  protected abstract ObjectStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
    repository = new Repository(store, clock);
    new RepositoryInitializer(store, clock).init(Set.of());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void exactlyOneOfEightConcurrentClaimersWinsASlot() throws Exception {
    List<Boolean> results =
        race(
            8,
            i ->
                repository
                    .claim(Kind.ETCD, scope, "20261125T1815Z", "run-" + i, Duration.ofMinutes(10))
                    .isPresent());
    assertThat(results).containsOnlyOnce(true).hasSize(8);
  }

  @Test
  void aSlotWhoseRunFailedCanBeClaimedAgainOnceButADoneSlotCannot() {
    var first =
        repository
            .claim(Kind.ETCD, scope, "20261125T1815Z", "a", Duration.ofMinutes(10))
            .orElseThrow();
    assertThat(repository.claim(Kind.ETCD, scope, "20261125T1815Z", "b", Duration.ofMinutes(10)))
        .isEmpty();

    first.failed();
    var retry =
        repository
            .claim(Kind.ETCD, scope, "20261125T1815Z", "b", Duration.ofMinutes(10))
            .orElseThrow();
    assertThat(retry.tookOver()).isTrue();
    retry.done(BackupId.parse("20261125T181500Z-3f9a"));

    assertThat(repository.claim(Kind.ETCD, scope, "20261125T1815Z", "c", Duration.ofMinutes(10)))
        .isEmpty();
  }

  @Test
  void aClaimWhoseRunWasKilledIsReclaimableOnlyAfterItExpires() {
    repository
        .claim(Kind.ETCD, scope, "20261125T1815Z", "killed", Duration.ofMinutes(10))
        .orElseThrow();
    clock.advance(Duration.ofMinutes(9));
    assertThat(repository.claim(Kind.ETCD, scope, "20261125T1815Z", "b", Duration.ofMinutes(10)))
        .isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(repository.claim(Kind.ETCD, scope, "20261125T1815Z", "b", Duration.ofMinutes(10)))
        .isPresent();
  }

  @Test
  void aBackupIsInvisibleUntilItsCatalogEntryIsWritten() throws Exception {
    PendingBackup pending = repository.begin(Kind.ETCD, scope, null);
    DataObject payload;
    try (var writer = pending.openData("snapshot.db")) {
      writer.write("payload".getBytes(StandardCharsets.UTF_8));
      payload = pending.recorded(writer.commit(), null, null);
    }
    assertThat(committed()).isEmpty();

    pending.commit(
        new PendingBackup.Contents(
            null, List.of(payload), "none", null, null, List.of(), List.of()));

    assertThat(committed()).containsExactly(pending.ref());
    assertThat(repository.manifest(pending.ref()).id()).isEqualTo(pending.ref().id().toString());
  }

  @Test
  void aSecondHolderIsRefusedWhileTheLeaseIsLive() {
    Leases leases = new Leases(store, clock);
    try (Lease first =
        leases.acquire(
            "leases/prune-etcd-prod.json", "a", "prune", Duration.ofMinutes(5), List.of())) {
      assertThatThrownBy(
              () ->
                  leases.acquire(
                      "leases/prune-etcd-prod.json",
                      "b",
                      "prune",
                      Duration.ofMinutes(5),
                      List.of()))
          .isInstanceOf(AlreadyLockedException.class)
          .hasMessageContaining("held by a");
      assertThat(first.record().holder()).isEqualTo("a");
    }
  }

  @Test
  void anExpiredLeaseIsTakenOverWithTheUnfinishedPlan() {
    Leases leases = new Leases(store, clock);
    Lease first =
        leases.acquire(
            "leases/prune-etcd-prod.json", "a", "prune", Duration.ofMinutes(5), List.of());
    first.recordPlan(List.of("catalog/etcd/prod/x.json"));

    clock.advance(Duration.ofMinutes(6));
    Lease second =
        leases.acquire(
            "leases/prune-etcd-prod.json", "b", "prune", Duration.ofMinutes(5), List.of());

    assertThat(second.inheritedPlan()).containsExactly("catalog/etcd/prod/x.json");
    assertThatThrownBy(first::renew)
        .isInstanceOf(AlreadyLockedException.class)
        .hasMessageContaining("lost");
    second.release();
  }

  @Test
  void renewalKeepsALeaseAlivePastItsFirstExpiry() {
    Leases leases = new Leases(store, clock);
    Lease lease =
        leases.acquire(
            "leases/prune-etcd-prod.json", "a", "prune", Duration.ofMinutes(5), List.of());
    clock.advance(Duration.ofMinutes(4));
    lease.renew();
    clock.advance(Duration.ofMinutes(4));

    assertThatThrownBy(
            () ->
                leases.acquire(
                    "leases/prune-etcd-prod.json", "b", "prune", Duration.ofMinutes(5), List.of()))
        .isInstanceOf(AlreadyLockedException.class);
    lease.release();
    assertThat(leases.live("leases/prune-etcd-prod.json")).isEmpty();
    leases
        .acquire("leases/prune-etcd-prod.json", "b", "prune", Duration.ofMinutes(5), List.of())
        .release();
  }

  @Test
  void racingTakeoversOfAnExpiredLeaseLeaveExactlyOneHolder() throws Exception {
    Leases leases = new Leases(store, clock);
    leases.acquire(
        "leases/prune-etcd-prod.json", "dead", "prune", Duration.ofMinutes(1), List.of());
    clock.advance(Duration.ofMinutes(2));

    List<Boolean> won =
        race(
            8,
            i -> {
              try {
                leases.acquire(
                    "leases/prune-etcd-prod.json",
                    "h" + i,
                    "prune",
                    Duration.ofMinutes(5),
                    List.of());
                return true;
              } catch (AlreadyLockedException e) {
                return false;
              }
            });
    assertThat(won).containsOnlyOnce(true);
  }

  @Test
  void initTwiceWithTheSameRecipientsIsANoOpAndWithOthersIsRefused() {
    RepositoryInitializer init = new RepositoryInitializer(store, clock);
    assertThat(init.init(Set.of()).created()).isFalse();
    assertThatThrownBy(() -> init.init(Set.of("sha256:0011223344556677")))
        .isInstanceOf(LifeboatException.class)
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION));
  }

  @Test
  void aBackupRunWithOtherRecipientsThanTheRepositoryExitsTwo() {
    assertThatThrownBy(() -> repository.openForBackup(Set.of("sha256:0011223344556677")))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("lifeboat.age.recipients");
  }

  // --- ClaimedRun: claim -> run -> commit -> mark, under failures and retries ---

  private static final String SLOT = "20261125T1815Z";
  private static final Duration DEADLINE = Duration.ofMinutes(15);

  private static PendingBackup.Contents empty(PendingBackup pending) {
    return new PendingBackup.Contents(null, List.of(), "none", null, null, List.of(), List.of());
  }

  private ClaimedRun.Result run(ObjectStore on, ClaimedRun.Work work) {
    return new ClaimedRun(new Repository(on, clock), "runner", DEADLINE)
        .run(Kind.ETCD, scope, SLOT, work, m -> "committed " + m.id());
  }

  /**
   * Every catalog entry written, valid or not: the protocol's promise is about how many entries a
   * slot gets, and these tests date their runs by a test clock the store's own clock contradicts
   * (so the catalog would rightly judge them back-dated).
   */
  private List<BackupRef> committed() {
    return repository.catalog().list(Kind.ETCD, scope).entries().stream()
        .map(CatalogEntry::ref)
        .toList();
  }

  @Test
  void aRetryOfACommittedSlotIsSkippedAndWritesNothing() {
    ClaimedRun.Result first = run(store, MarkerProtocolContract::empty);
    ClaimedRun.Result retry = run(store, MarkerProtocolContract::empty);

    assertThat(first).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(first.committed().orElseThrow().slot()).isEqualTo(SLOT);
    assertThat(first.committed().orElseThrow().nonce()).matches("[0-9a-f]{32}");
    assertThat(retry).isInstanceOf(ClaimedRun.Result.Skipped.class);
    assertThat(retry.summary()).contains("already done");
    assertThat(committed()).hasSize(1);
  }

  @Test
  void aCommitWhoseClaimCannotBeMarkedDoneIsFinalExitsZeroAndARetrySkipsEvenAfterExpiry() {
    ObjectStore doneRefused =
        new ForwardingStore(store) {
          @Override
          public Optional<String> put(String key, byte[] content, Condition condition) {
            if (key.startsWith(RepositoryLayout.CLAIMS)
                && new String(content, StandardCharsets.UTF_8).contains("\"done\"")) {
              throw new LocationUnavailableException("injected: the store is gone");
            }
            return delegate.put(key, content, condition);
          }
        };

    ClaimedRun.Result first = run(doneRefused, MarkerProtocolContract::empty);
    clock.advance(Duration.ofHours(1));
    ClaimedRun.Result retry = run(store, MarkerProtocolContract::empty);

    assertThat(first).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(((ClaimedRun.Result.Committed) first).warnings())
        .singleElement()
        .asString()
        .contains("could not be marked done");
    assertThat(retry).isInstanceOf(ClaimedRun.Result.Skipped.class);
    assertThat(retry.summary()).contains("already committed as backup");
    assertThat(committed()).hasSize(1);
  }

  @Test
  void aRunWhoseClaimWasTakenOverNeverCommits() {
    MutableClock afterExpiry =
        new MutableClock(
            clock.instant().plus(DEADLINE).plus(ClaimedRun.CLAIM_MARGIN).plusSeconds(1));
    ClaimedRun.Result first =
        run(
            store,
            pending -> {
              // Another run, whose clock is past our claim's expiry, takes the slot over.
              assertThat(
                      new ClaimedRun(new Repository(store, afterExpiry), "other", DEADLINE)
                          .run(Kind.ETCD, scope, SLOT, MarkerProtocolContract::empty, m -> ""))
                  .isInstanceOf(ClaimedRun.Result.Committed.class);
              return empty(pending);
            });

    assertThat(first).isInstanceOf(ClaimedRun.Result.Failed.class);
    assertThat(first.exitCode()).isEqualTo(ExitCode.LOCKED);
    assertThat(first.summary()).contains("taken over by other");
    assertThat(committed()).hasSize(1);
  }

  @Test
  void aRunWhoseClaimASecondPodOfItsJobIndexTookOverIsSkippedAndTheSecondCommits() {
    String pod = "lifeboat-namespace-export-29412345-1-";
    ClaimedRun.Result[] copy = new ClaimedRun.Result[1];
    ClaimedRun.Result first =
        new ClaimedRun(new Repository(store, clock), pod + "abcde", DEADLINE)
            .run(
                Kind.ETCD,
                scope,
                SLOT,
                pending -> {
                  // A replacement pod of the same index starts while this one still works.
                  copy[0] =
                      new ClaimedRun(new Repository(store, clock), pod + "fghij", DEADLINE)
                          .run(Kind.ETCD, scope, SLOT, MarkerProtocolContract::empty, m -> "");
                  return empty(pending);
                },
                m -> "");

    assertThat(copy[0]).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(first).isInstanceOf(ClaimedRun.Result.Skipped.class);
    assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(first.summary()).contains("taken over by " + pod + "fghij").endsWith("skipped");
    assertThat(committed()).hasSize(1);
  }

  @Test
  void aRunPastItsDeadlineCommitsNothingAndLeavesTheSlotToARetry() {
    ClaimedRun.Result late =
        run(
            store,
            pending -> {
              clock.advance(DEADLINE.plusSeconds(1));
              return empty(pending);
            });
    ClaimedRun.Result retry = run(store, MarkerProtocolContract::empty);

    assertThat(late).isInstanceOf(ClaimedRun.Result.Failed.class);
    assertThat(late.exitCode()).isEqualTo(ExitCode.LOCATION_UNAVAILABLE);
    assertThat(late.summary()).contains("deadline of PT15M");
    assertThat(retry).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(committed()).hasSize(1);
  }

  @Test
  void aFailedRunReportsItsOwnErrorEvenWhenMarkingItsClaimFailedFails() {
    ObjectStore failedRefused =
        new ForwardingStore(store) {
          @Override
          public Optional<String> put(String key, byte[] content, Condition condition) {
            if (new String(content, StandardCharsets.UTF_8).contains("\"failed\"")) {
              throw new LocationUnavailableException("injected: cannot mark failed");
            }
            return delegate.put(key, content, condition);
          }
        };

    ClaimedRun.Result result =
        run(
            failedRefused,
            pending -> {
              throw new SourceUnavailableException("etcd at 127.0.0.1:2379 is down");
            });

    assertThat(result).isInstanceOf(ClaimedRun.Result.Failed.class);
    assertThat(result.exitCode()).isEqualTo(ExitCode.SOURCE_UNAVAILABLE);
    RuntimeException failure = ((ClaimedRun.Result.Failed) result).failure();
    assertThat(failure).hasMessageContaining("etcd at 127.0.0.1:2379 is down");
    assertThat(failure.getSuppressed()).singleElement().asString().contains("cannot mark failed");
    assertThat(committed()).isEmpty();
  }

  @Test
  void aConditionalConflictOnTheClaimIsRetriedNotTakenForAnotherRunsClaim() {
    AtomicInteger conflicts = new AtomicInteger();
    ObjectStore conflictOnce =
        new ForwardingStore(store) {
          @Override
          public Optional<String> put(String key, byte[] content, Condition condition) {
            if (key.startsWith(RepositoryLayout.CLAIMS) && conflicts.getAndIncrement() == 0) {
              throw new ConditionalConflictException("injected 409", null);
            }
            return delegate.put(key, content, condition);
          }
        };

    ClaimedRun.Result result = run(conflictOnce, MarkerProtocolContract::empty);

    assertThat(result).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(conflicts.get()).isGreaterThan(1);
    assertThat(committed()).hasSize(1);
  }

  static Stream<Arguments> lostReplies() {
    return Stream.of(
        Arguments.of(
            "the claim",
            (ReplayingStore.Match)
                (k, c, b) -> k.startsWith("claims/") && c instanceof Condition.IfAbsent),
        Arguments.of(
            "the pre-commit claim update",
            (ReplayingStore.Match)
                (k, c, b) -> k.startsWith("claims/") && b.contains("\"committing\"")),
        Arguments.of("the commit", (ReplayingStore.Match) (k, c, b) -> k.startsWith("catalog/")),
        Arguments.of(
            "mark-done",
            (ReplayingStore.Match) (k, c, b) -> k.startsWith("claims/") && b.contains("\"done\"")));
  }

  @ParameterizedTest(
      name = "a lost reply to {0} still ends with one backup, exit 0, and a skipping retry")
  @MethodSource("lostReplies")
  void aLostReplyToOurOwnWriteIsRecognisedByTheNonce(String what, ReplayingStore.Match match) {
    ReplayingStore replaying = new ReplayingStore(store, match);

    ClaimedRun.Result result = run(replaying, MarkerProtocolContract::empty);
    ClaimedRun.Result retry = run(store, MarkerProtocolContract::empty);

    assertThat(replaying.replayed()).as("the fault was injected").isTrue();
    assertThat(result).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(((ClaimedRun.Result.Committed) result).warnings()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(retry).isInstanceOf(ClaimedRun.Result.Skipped.class);
    assertThat(committed()).hasSize(1);
  }

  @Test
  void aLostReplyToALeaseAcquireStillGivesTheLeaseToItsHolderAlone() {
    String key = "leases/prune-etcd-prod.json";
    ReplayingStore acquireLost =
        new ReplayingStore(store, (k, c, b) -> k.equals(key) && c instanceof Condition.IfAbsent);

    Lease lease =
        new Leases(acquireLost, clock).acquire(key, "a", "prune", Duration.ofMinutes(5), List.of());

    assertThat(acquireLost.replayed()).isTrue();
    lease.renew();
    assertThatThrownBy(
            () ->
                new Leases(store, clock)
                    .acquire(key, "b", "prune", Duration.ofMinutes(5), List.of()))
        .isInstanceOf(AlreadyLockedException.class)
        .hasMessageContaining("held by a");
    lease.release();
    assertThat(new Leases(store, clock).live(key)).isEmpty();
  }

  @Test
  void aLostReplyToALeaseReleaseStillFreesTheLease() {
    String key = "leases/prune-etcd-prod.json";
    ReplayingStore releaseLost = new ReplayingStore(store, (k, c, b) -> k.equals(key) && c == null);

    new Leases(releaseLost, clock)
        .acquire(key, "a", "prune", Duration.ofMinutes(5), List.of())
        .release();

    assertThat(releaseLost.replayed()).isTrue();
    assertThat(new Leases(store, clock).live(key)).isEmpty();
    new Leases(store, clock).acquire(key, "b", "prune", Duration.ofMinutes(5), List.of()).release();
  }

  protected <T> List<T> race(int threads, RaceBody<T> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<T> task =
            () -> {
              start.await();
              return body.run(n);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  protected interface RaceBody<T> {
    T run(int index) throws Exception;
  }
}
