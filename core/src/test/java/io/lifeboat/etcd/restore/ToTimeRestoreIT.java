package io.lifeboat.etcd.restore;

import static java.nio.file.Files.createDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.codec.AgeIdentities;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.etcd.delta.DeltaFixture;
import io.lifeboat.etcd.delta.DeltaSource;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.EtcdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore etcd --to-time} against a real etcd: the state restored is the newest link (delta
 * or full snapshot) whose catalog entry the store wrote at or before the time, by the store's clock
 * (a file store: its mtimes are precise to well under a run), never by the times a manifest claims.
 */
class ToTimeRestoreIT {
  @TempDir static Path dir;
  static EtcdServer etcd;
  static AgeKeys keys;
  static ObjectStore store;
  static Manifest full;
  static Map<String, String> atFull;
  static final List<Manifest> deltas = new ArrayList<>();
  static final List<Map<String, String>> atDelta = new ArrayList<>();

  @BeforeAll
  static void fullThenThreeDeltas() throws Exception {
    etcd = EtcdServer.start(dir.resolve("source"));
    keys = AgeKeys.generate(dir);
    store = new FileObjectStore(createDirectories(dir.resolve("repo")));
    AgeRecipients recipients = AgeRecipients.of(List.of(keys.recipient()));
    new RepositoryInitializer(store, Clock.systemUTC()).init(recipients.fingerprints());
    DeltaFixture runs = new DeltaFixture(etcd, store, recipients);
    etcd.fill("/registry/configmaps/a/cm-", 40, 64);
    full = runs.full();
    atFull =
        DeltaFixture.keyValues(etcd.endpoint(), full.source(EtcdSource.class).revisionLowerBound());
    for (int round = 0; round < 3; round++) {
      etcd.fill("/registry/secrets/r" + round + "/s-", 10 + round, 32);
      etcd.etcdctl("del", "--prefix", "/registry/configmaps/a/cm-" + round);
      Manifest delta = runs.delta();
      deltas.add(delta);
      atDelta.add(
          DeltaFixture.keyValues(etcd.endpoint(), delta.source(DeltaSource.class).toRevision()));
    }
  }

  @AfterAll
  static void stop() {
    store.close();
    etcd.close();
  }

  @Test
  void theTimeAStoreWroteADeltaAndAnyTimeBeforeTheNextRestoreThatDeltasRevision() throws Exception {
    for (int i = 0; i < deltas.size(); i++) {
      Instant written = written(deltas.get(i));
      assertThat(restoreAndRead(written, "at-" + i)).as("delta " + i).isEqualTo(atDelta.get(i));
      if (i + 1 < deltas.size()) {
        Instant next = written(deltas.get(i + 1));
        Instant between = written.plus(Duration.between(written, next).dividedBy(2));
        assertThat(restoreAndRead(between, "between-" + i)).isEqualTo(atDelta.get(i));
      }
    }
  }

  @Test
  void aTimeAfterTheFullSnapshotButBeforeTheFirstDeltaRestoresTheSnapshotAsItIs() throws Exception {
    Instant between =
        written(full).plus(Duration.between(written(full), written(deltas.get(0))).dividedBy(2));
    assertThat(restoreAndRead(between, "full")).isEqualTo(atFull);
  }

  @Test
  void aTimeBeforeTheFullSnapshotIsRefusedNamingTheEarliestRestorableTime() {
    Instant before = written(full).minusMillis(1);
    assertThatThrownBy(() -> restore(before, "before"))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.NOT_FOUND))
        .hasMessageContaining("--to-time " + before)
        .hasMessageContaining("earliest restorable time")
        .hasMessageContaining(written(full).toString());
  }

  @Test
  void aDeltaDatedBeforeTheTimeByItsManifestButWrittenAfterItIsNotChosen() throws Exception {
    Manifest last = deltas.get(deltas.size() - 1);
    Instant time = written(last);
    DeltaSource source = last.source(DeltaSource.class);
    // Forged with the backup identity's rights after `time`: it continues the chain and its id and
    // times say it ran a second before `time`; chosen by those, the restore would replay it.
    Instant claimed = time.minusSeconds(1);
    String id = BackupId.next(claimed).toString();
    DeltaSource forged =
        new DeltaSource(
            source.format(),
            last.id(),
            Kind.ETCD_DELTA.toString(),
            source.root(),
            source.toRevision() + 1,
            source.toRevision() + 500,
            source.events(),
            source.chainLength() + 1,
            source.chainBytes() * 2,
            source.clusterId(),
            source.member());
    DeltaFixture.plantCopy(
        store, last, DeltaFixture.forgedDelta(last, id, forged, last.objects(), claimed, claimed));
    assertThat(written(Kind.ETCD_DELTA, id)).isAfter(time);

    assertThat(restoreAndRead(time, "forged")).isEqualTo(atDelta.get(deltas.size() - 1));
  }

  // --- helpers

  static Instant written(Manifest manifest) {
    return store.stat(manifest.ref().catalogKey()).orElseThrow().lastModified();
  }

  static Instant written(Kind kind, String id) {
    return store.stat("catalog/" + kind + "/prod/" + id + ".json").orElseThrow().lastModified();
  }

  static Path restore(Instant time, String name) {
    Path data = dir.resolve("restored-" + name);
    int peer = RestoreDrill.freePort();
    RestoreSpec spec =
        new RestoreSpec(
            data, "m1", "m1=http://127.0.0.1:" + peer, "http://127.0.0.1:" + peer, null);
    Repository repository = new Repository(store, Clock.systemUTC());
    EtcdRestoreReport report =
        new EtcdRestorer(
                repository,
                new SnapshotDownloader(
                    repository, Decoding.with(AgeIdentities.fromFile(keys.identityFile()))),
                RestoreTool.detect(EtcdRestoreIT.REAL_PATH),
                "test")
            .restore(
                new EtcdRestorer.Request(
                    DeltaFixture.CLUSTER,
                    "latest",
                    spec,
                    0,
                    dir.resolve("work-" + name),
                    null,
                    null,
                    new ToTime(time, EtcdRestoreIT.REAL_PATH, null, Duration.ofSeconds(30))));
    assertThat(report.message()).contains("as of " + time).contains("precision: one");
    return data;
  }

  static Map<String, String> restoreAndRead(Instant time, String name) throws Exception {
    Path data = restore(time, name);
    Files.createDirectories(dir.resolve("log-" + name));
    try (DrillServer server =
        DrillServer.start(
            EtcdRestoreIT.REAL_PATH,
            data,
            "m1",
            RestoreDrill.freePort(),
            RestoreDrill.freePort(),
            dir.resolve("log-" + name),
            Duration.ofSeconds(30))) {
      return DeltaFixture.keyValues(server.endpoint(), 0);
    }
  }
}
