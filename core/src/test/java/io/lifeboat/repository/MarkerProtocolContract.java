package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.AlreadyLockedException;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LifeboatException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    assertThat(repository.list(Kind.ETCD, scope)).isEmpty();

    pending.commit(
        new PendingBackup.Contents(
            null, List.of(payload), "none", null, null, List.of(), List.of()));

    assertThat(repository.list(Kind.ETCD, scope)).containsExactly(pending.ref());
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
