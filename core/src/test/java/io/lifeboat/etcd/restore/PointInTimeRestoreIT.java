package io.lifeboat.etcd.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;
import io.lifeboat.codec.AgeIdentities;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.etcd.delta.DeltaFixture;
import io.lifeboat.etcd.delta.DeltaSource;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time restore against real etcd and S3Proxy: a writer changes keys (puts, overwrites,
 * deletes, a transaction, a prefix delete of 200 keys in one revision, a lease that expires, keys
 * on a lease of the base) between and during full and delta runs; restoring to each delta's
 * revision gives exactly the key/value set the source had at that revision.
 */
class PointInTimeRestoreIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir static Path dir;
  static EtcdServer etcd;
  static AgeKeys keys;
  static ObjectStore store;
  static DeltaFixture runs;
  static Client client;
  static long longLease;

  /**
   * Each committed delta's revision, with the source's key/values there (read before any
   * compaction).
   */
  static final Map<Manifest, Map<String, String>> atDelta = new LinkedHashMap<>();

  @BeforeAll
  static void writeWhileFullAndDeltaRunsHappen() throws Exception {
    etcd = EtcdServer.start(dir.resolve("source"));
    keys = AgeKeys.generate(dir);
    store = Locations.open(S3.locationSettings(S3.createBucket(), "lifeboat"));
    AgeRecipients recipients = AgeRecipients.of(List.of(keys.recipient()));
    new RepositoryInitializer(store, Clock.systemUTC()).init(recipients.fingerprints());
    runs = new DeltaFixture(etcd, store, recipients);
    client = Client.builder().endpoints(etcd.endpoint()).build();
    etcd.fill("/registry/configmaps/a/cm-", 300, 256);
    longLease = client.getLeaseClient().grant(600).join().getID();
    put("/registry/leases/kept", "on the base's lease", longLease);
    runs.full();

    // overwrites, new keys, single deletes
    for (int i = 0; i < 20; i++) {
      put("/registry/configmaps/a/cm-" + i, "overwritten-" + i, 0);
      put("/registry/secrets/b/s-" + i, "new-" + i, 0);
    }
    for (int i = 20; i < 30; i++) {
      client.getKVClient().delete(bytes("/registry/configmaps/a/cm-" + i)).join();
    }
    record(runs.delta());

    // a transaction, a prefix delete of 200 keys in one revision, a short lease, the base's lease
    client
        .getKVClient()
        .txn()
        .Then(
            Op.put(bytes("/registry/txn/one"), bytes("1"), PutOption.DEFAULT),
            Op.put(bytes("/registry/txn/two"), bytes("2"), PutOption.DEFAULT),
            Op.delete(bytes("/registry/secrets/b/s-0"), DeleteOption.DEFAULT))
        .commit()
        .join();
    client
        .getKVClient()
        .delete(bytes("/registry/configmaps/a/cm-1"), DeleteOption.builder().isPrefix(true).build())
        .join();
    long shortLease = client.getLeaseClient().grant(2).join().getID();
    put("/registry/events/short", "expires", shortLease);
    put("/registry/leases/kept-too", "a later key on the base's lease", longLease);
    record(runs.delta());

    // the short lease expires (a DELETE etcd writes itself), then nothing changes: an empty delta
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.getKVClient().get(bytes("/registry/events/short")).join().getCount() == 0);
    record(runs.delta());
    Manifest empty = runs.delta();
    assertThat(empty.source(DeltaSource.class).events()).isZero();
    assertThat(empty.source(DeltaSource.class).empty()).isTrue();

    // a writer keeps writing while a delta runs: the delta ends at the revision of its start
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> writes =
          writer.submit(
              () -> {
                for (int i = 0; i < 400; i++) {
                  put("/registry/pods/c/p-" + (i % 50), "v" + i, 0);
                }
              });
      record(runs.delta());
      writes.get();
    } finally {
      writer.shutdownNow();
    }
    record(runs.delta());
  }

  @AfterAll
  static void stop() {
    client.close();
    store.close();
    etcd.close();
  }

  @Test
  void restoringToEachDeltasRevisionGivesExactlyTheSourcesKeysAndValuesThere() throws Exception {
    int restored = 0;
    for (var delta : atDelta.entrySet()) {
      long revision = delta.getKey().source(DeltaSource.class).toRevision();
      Map<String, String> served = restoreAndRead("latest", revision, "r" + restored++);
      assertThat(served).as("revision " + revision).isEqualTo(delta.getValue());
    }
    assertThat(restored).isEqualTo(5);
  }

  @Test
  void aRevisionInsideADeltaAndAChainNamedByItsTipRestoreExactly() throws Exception {
    List<Manifest> deltas = new ArrayList<>(atDelta.keySet());
    DeltaSource second = deltas.get(1).source(DeltaSource.class);
    long inside = second.fromRevision() + 1;
    assertThat(restoreAndRead(deltas.get(4).id(), inside, "inside"))
        .isEqualTo(DeltaFixture.keyValues(etcd.endpoint(), inside));
  }

  @Test
  void keysOnALeaseOfTheBaseKeepIt() throws Exception {
    long last = new ArrayList<>(atDelta.keySet()).get(4).source(DeltaSource.class).toRevision();
    Path data = restore("latest", last, "lease");
    try (DrillServer server = serve(data, "lease");
        Client restoredClient = Client.builder().endpoints(server.endpoint()).build()) {
      var kept = restoredClient.getKVClient().get(bytes("/registry/leases/kept-too")).join();
      assertThat(kept.getKvs().get(0).getLease()).isEqualTo(longLease);
    }
  }

  @Test
  void aTargetOutsideEveryChainIsRefusedAsNotFound() {
    long last = new ArrayList<>(atDelta.keySet()).get(4).source(DeltaSource.class).toRevision();
    assertThatThrownBy(() -> restore("latest", last + 10_000, "beyond"))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.NOT_FOUND))
        .hasMessageContaining("revision " + (last + 10_000));
  }

  @Test
  void aForgedDeltaOverlappingARealOneIsNeverUsedAndRefusedByItsId() throws Exception {
    List<Manifest> deltas = new ArrayList<>(atDelta.keySet());
    Manifest real = deltas.get(1);
    DeltaSource source = real.source(DeltaSource.class);
    // Forged with the backup identity's rights: a well-formed entry and data of the recorded size,
    // on the first delta as base but starting 3 revisions early (an overlap), covering far ahead.
    String id = io.lifeboat.repository.BackupId.next(runs.clock().instant()).toString();
    DeltaSource forgedSource =
        new DeltaSource(
            source.format(),
            source.base(),
            source.baseKind(),
            source.root(),
            source.fromRevision() - 3,
            source.toRevision() + 5_000,
            source.events(),
            source.chainLength(),
            source.chainBytes(),
            source.clusterId(),
            source.member());
    Manifest forged =
        DeltaFixture.forgedDelta(
            real, id, forgedSource, real.objects(), real.startedAt(), real.completedAt());
    DeltaFixture.plantCopy(store, real, forged);

    long revision = source.toRevision();
    assertThat(restoreAndRead("latest", revision, "forged-latest")).isEqualTo(atDelta.get(real));
    assertThatThrownBy(() -> restore(id, revision, "forged-id"))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INTEGRITY))
        .hasMessageContaining("a hole or an overlap");
  }

  // --- helpers

  static void record(Manifest delta) {
    long revision = delta.source(DeltaSource.class).toRevision();
    atDelta.put(delta, DeltaFixture.keyValues(etcd.endpoint(), revision));
  }

  static void put(String key, String value, long lease) {
    PutOption option =
        lease == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(lease).build();
    client.getKVClient().put(bytes(key), bytes(value), option).join();
  }

  static ByteSequence bytes(String text) {
    return ByteSequence.from(text, StandardCharsets.UTF_8);
  }

  static Path restore(String backup, long revision, String name) {
    Path data = dir.resolve("restored-" + name);
    int peer = RestoreDrill.freePort();
    RestoreSpec spec =
        new RestoreSpec(
            data, "m1", "m1=http://127.0.0.1:" + peer, "http://127.0.0.1:" + peer, null);
    EtcdRestorer restorer =
        new EtcdRestorer(
            new Repository(store, Clock.systemUTC()),
            new SnapshotDownloader(
                new Repository(store, Clock.systemUTC()),
                Decoding.with(AgeIdentities.fromFile(keys.identityFile()))),
            RestoreTool.detect(EtcdRestoreIT.REAL_PATH),
            "test");
    restorer.restore(
        new EtcdRestorer.Request(
            DeltaFixture.CLUSTER,
            backup,
            spec,
            0,
            dir.resolve("work-" + name),
            null,
            new ToRevision(revision, EtcdRestoreIT.REAL_PATH, Duration.ofSeconds(30))));
    return data;
  }

  static DrillServer serve(Path data, String name) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("log-" + name));
    return DrillServer.start(
        EtcdRestoreIT.REAL_PATH,
        data,
        "m1",
        RestoreDrill.freePort(),
        RestoreDrill.freePort(),
        dir.resolve("log-" + name),
        Duration.ofSeconds(30));
  }

  static Map<String, String> restoreAndRead(String backup, long revision, String name)
      throws Exception {
    Path data = restore(backup, revision, name);
    try (DrillServer server = serve(data, name)) {
      return DeltaFixture.keyValues(server.endpoint(), 0);
    }
  }
}
