package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.AlreadyLockedException;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.s3.S3ObjectStore;
import io.lifeboat.testing.S3Faults;
import io.lifeboat.testing.S3ProxyServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * The marker protocol against real S3Proxy with faults on the wire ({@link S3Faults}): the reply of
 * the first attempt of one request is lost after the server did it, and the AWS SDK retries it; or
 * one attempt is answered 409. Every backup runs with backup credentials ({@link
 * Repository#backupView}). Each case ends with exactly one catalog entry for the slot and exit 0.
 */
class MarkerProtocolFaultsIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  private static final String SLOT = "20261125T1815Z";
  private static final String LEASE = "leases/prune-etcd-prod.json";

  private final S3Faults faults = new S3Faults();
  private final Clock clock = Clock.systemUTC();
  private final Scope scope = Scope.cluster(new ClusterName("prod"));
  private ObjectStore store;

  @BeforeEach
  void openStore() {
    store = faultyStore(S3.createBucket());
    new RepositoryInitializer(store, clock).init(Set.of());
  }

  private ObjectStore faultyStore(String bucket) {
    return new S3ObjectStore(
        S3.clientBuilder()
            .overrideConfiguration(
                c -> c.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(faults))
            .build(),
        bucket,
        "dr");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private ClaimedRun.Result backup() {
    return new ClaimedRun(
            new Repository(Repository.backupView(store), clock), "runner", Duration.ofMinutes(15))
        .run(
            Kind.ETCD,
            scope,
            SLOT,
            pending ->
                new PendingBackup.Contents(
                    null, List.of(), "none", null, null, List.of(), List.of()),
            m -> "committed " + m.id());
  }

  /** Every catalog entry written, valid or not (these runs commit no data object). */
  private List<BackupRef> catalog() {
    return new Repository(store, clock)
        .catalog().list(Kind.ETCD, scope).entries().stream().map(CatalogEntry::ref).toList();
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of(
            "the claim",
            (Predicate<S3Faults.Request>)
                r -> r.isPut() && r.key().startsWith("dr/claims/") && r.hasHeader("If-None-Match")),
        Arguments.of(
            "the commit",
            (Predicate<S3Faults.Request>) r -> r.isPut() && r.key().startsWith("dr/catalog/")),
        Arguments.of(
            "mark-done",
            (Predicate<S3Faults.Request>)
                r ->
                    r.isPut()
                        && r.key().startsWith("dr/claims/")
                        && r.body().contains("\"done\"")));
  }

  @ParameterizedTest(name = "a lost reply to {0}: one catalog entry, exit 0, a retry skips")
  @MethodSource("requests")
  void aLostReplyEndsWithOneBackupAndExitZero(String what, Predicate<S3Faults.Request> request) {
    faults.loseFirstReply(request);

    ClaimedRun.Result result = backup();
    ClaimedRun.Result retry = backup();

    assertThat(faults.lostReplies()).as("the reply was lost").isEqualTo(1);
    assertThat(result).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(((ClaimedRun.Result.Committed) result).warnings()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(retry).isInstanceOf(ClaimedRun.Result.Skipped.class);
    assertThat(retry.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(catalog()).hasSize(1);
  }

  @Test
  void aConflictOnTheClaimIsRetriedAndTheBackupCommitted() {
    faults.conflictOnce(r -> r.isPut() && r.key().startsWith("dr/claims/"));

    ClaimedRun.Result result = backup();

    assertThat(faults.conflicts()).isEqualTo(1);
    assertThat(result).isInstanceOf(ClaimedRun.Result.Committed.class);
    assertThat(catalog()).hasSize(1);
  }

  @Test
  void aLostReplyToALeaseAcquireLeavesItHeldByItsHolderAlone() {
    faults.loseFirstReply(r -> r.isPut() && r.key().equals("dr/" + LEASE));

    Lease lease =
        new Leases(store, clock).acquire(LEASE, "a", "prune", Duration.ofMinutes(5), List.of());

    assertThat(faults.lostReplies()).isEqualTo(1);
    lease.renew();
    assertThatThrownBy(
            () ->
                new Leases(store, clock)
                    .acquire(LEASE, "b", "prune", Duration.ofMinutes(5), List.of()))
        .isInstanceOf(AlreadyLockedException.class)
        .hasMessageContaining("held by a");
    lease.release();
    assertThat(new Leases(store, clock).live(LEASE)).isEmpty();
  }

  @Test
  void aLostReplyToALeaseReleaseStillFreesIt() {
    Lease lease =
        new Leases(store, clock).acquire(LEASE, "a", "prune", Duration.ofMinutes(5), List.of());
    faults.loseFirstReply(r -> r.isDelete() && r.key().equals("dr/" + LEASE));

    lease.release();

    assertThat(faults.lostReplies()).isEqualTo(1);
    assertThat(new Leases(store, clock).live(LEASE)).isEmpty();
    new Leases(store, clock).acquire(LEASE, "b", "prune", Duration.ofMinutes(5), List.of());
  }

  @Test
  void aStoreThatIgnoresIfMatchOnDeleteIsRefusedByRepoInit() {
    faults.ignoreIfMatchOnDelete();

    try (ObjectStore fresh = faultyStore(S3.createBucket())) {
      assertThatThrownBy(() -> new RepositoryInitializer(fresh, clock).init(Set.of()))
          .isInstanceOf(LocationUnavailableException.class)
          .hasMessageContaining("ignores If-Match on DELETE");
      assertThat(fresh.stat(RepositoryLayout.descriptor())).isEmpty();
    }
  }
}
