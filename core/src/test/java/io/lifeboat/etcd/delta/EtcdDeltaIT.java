package io.lifeboat.etcd.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.error.ExitCode;
import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.EtcdServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta runs against a real etcd through the backup view of a file store: what they store, and that
 * a gap (compacted start, no base, a forged head) is never bridged silently.
 */
class EtcdDeltaIT {
  @TempDir Path dir;
  EtcdServer etcd;
  ObjectStore store;
  DeltaFixture runs;
  Client client;

  @BeforeEach
  void start() {
    etcd = EtcdServer.start(dir.resolve("source"));
    store = FileObjectStore.createRoot(dir.resolve("repo"));
    AgeRecipients recipients = AgeRecipients.of(List.of(AgeKeys.generate(dir).recipient()));
    new RepositoryInitializer(store, Clock.systemUTC()).init(recipients.fingerprints());
    runs = new DeltaFixture(etcd, store, recipients);
    client = Client.builder().endpoints(etcd.endpoint()).build();
    etcd.fill("/registry/configmaps/a/cm-", 50, 64);
  }

  @AfterEach
  void stop() {
    client.close();
    store.close();
    etcd.close();
  }

  @Test
  void aDeltaNamesItsBaseAndTheExactRangeFromTheBasesRevisionToTheRunsStart() {
    Manifest full = runs.full();
    long base = full.source(EtcdSource.class).revisionLowerBound();
    etcd.fill("/registry/secrets/b/s-", 10, 32);
    Manifest first = runs.delta();
    DeltaSource source = first.source(DeltaSource.class);
    assertThat(first.kind()).isEqualTo(Kind.ETCD_DELTA);
    assertThat(source.base()).isEqualTo(full.id());
    assertThat(source.root()).isEqualTo(full.id());
    assertThat(source.fromRevision()).isEqualTo(base + 1);
    assertThat(source.toRevision()).isEqualTo(base + 10);
    assertThat(source.events()).isEqualTo(10);
    assertThat(first.objects().get(0).name()).isEqualTo("events.jsonl.zst.age");

    etcd.fill("/registry/secrets/b/t-", 3, 32);
    DeltaSource second = runs.delta().source(DeltaSource.class);
    assertThat(second.base()).isEqualTo(first.id());
    assertThat(second.fromRevision()).isEqualTo(source.toRevision() + 1);
    assertThat(second.chainLength()).isEqualTo(2);
  }

  @Test
  void aCompactedStartRevisionTakesAFullSnapshotAndRecordsWhy() {
    runs.full();
    etcd.fill("/registry/secrets/b/s-", 10, 32);
    long now = revision();
    client.getKVClient().compact(now).join();
    ClaimedRun.Result result = runs.delta(DeltaSettings.DEFAULTS);
    Manifest full = result.orThrow().committed().orElseThrow();
    assertThat(full.kind()).isEqualTo(Kind.ETCD);
    assertThat(full.source(EtcdSource.class).instead()).contains("was compacted by etcd");
    assertThat(full.warnings()).anyMatch(w -> w.contains("a full snapshot instead of a delta"));
    // and the next delta continues the new full snapshot
    etcd.fill("/registry/secrets/b/t-", 2, 32);
    assertThat(runs.delta().source(DeltaSource.class).base()).isEqualTo(full.id());
  }

  @Test
  void aCompactedStartRevisionExitsFourUnderOnGapFailAndCommitsNothing() {
    runs.full();
    etcd.fill("/registry/secrets/b/s-", 10, 32);
    client.getKVClient().compact(revision()).join();
    DeltaSettings fail = new DeltaSettings(DeltaSettings.OnGap.FAIL, 120, Long.MAX_VALUE);
    try {
      runs.delta(fail);
      throw new AssertionError("a gap under on-gap=fail must not commit");
    } catch (RuntimeException e) {
      assertThat(ExitCode.of(e)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE);
      assertThat(e).hasMessageContaining("was compacted").hasMessageContaining("on-gap=fail");
    }
    assertThat(entries("catalog/etcd-delta/")).isEmpty();
    assertThat(entries("catalog/etcd/")).hasSize(1);
  }

  @Test
  void withoutAnyBaseARunTakesAFullSnapshotOrExitsFourByConfig() {
    var fail = new DeltaSettings(DeltaSettings.OnGap.FAIL, 120, Long.MAX_VALUE);
    try {
      runs.delta(fail);
      throw new AssertionError("no base under on-gap=fail must not commit");
    } catch (RuntimeException e) {
      assertThat(ExitCode.of(e)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE);
      assertThat(e).hasMessageContaining("no valid full snapshot or delta");
    }
    Manifest full = runs.delta(DeltaSettings.DEFAULTS).orThrow().committed().orElseThrow();
    assertThat(full.kind()).isEqualTo(Kind.ETCD);
    assertThat(full.source(EtcdSource.class).instead()).contains("no valid full snapshot");
  }

  @Test
  void aChainAtItsMaximumLengthTakesAFullSnapshotWhatever() {
    runs.full();
    var two = new DeltaSettings(DeltaSettings.OnGap.FAIL, 2, Long.MAX_VALUE);
    etcd.fill("/a/", 1, 8);
    assertThat(runs.delta(two).orThrow().committed().orElseThrow().kind())
        .isEqualTo(Kind.ETCD_DELTA);
    etcd.fill("/b/", 1, 8);
    assertThat(runs.delta(two).orThrow().committed().orElseThrow().kind())
        .isEqualTo(Kind.ETCD_DELTA);
    etcd.fill("/c/", 1, 8);
    Manifest full = runs.delta(two).orThrow().committed().orElseThrow();
    assertThat(full.kind()).isEqualTo(Kind.ETCD);
    assertThat(full.source(EtcdSource.class).instead()).contains("max-chain=2");
  }

  @Test
  void aForgedNewestDeltaIsNeverContinued() {
    Manifest full = runs.full();
    etcd.fill("/a/", 3, 8);
    Manifest real = runs.delta();
    // A newer entry that is not a manifest, and one whose base is not listed: both skipped.
    ObjectStore backupView = Repository.backupView(store);
    String broken =
        io.lifeboat.repository.BackupId.next(runs.clock().instant().plusSeconds(1)).toString();
    backupView.put(
        "catalog/etcd-delta/prod/" + broken + ".json",
        "{}".getBytes(StandardCharsets.UTF_8),
        Condition.none());
    DeltaSource source = real.source(DeltaSource.class);
    String orphan =
        io.lifeboat.repository.BackupId.next(runs.clock().instant().plusSeconds(2)).toString();
    DeltaSource orphanSource =
        new DeltaSource(
            source.format(),
            "20200101T000000Z-dead",
            "etcd-delta",
            source.root(),
            source.toRevision() + 1,
            source.toRevision() + 1_000,
            0,
            2,
            0,
            source.clusterId(),
            source.member());
    Manifest forged =
        new Manifest(
            real.formatVersion(),
            Kind.ETCD_DELTA,
            real.scope(),
            orphan,
            null,
            real.startedAt(),
            real.completedAt(),
            real.tool(),
            null,
            Json.tree(orphanSource),
            real.objects(),
            real.compression(),
            real.encryption(),
            List.of(),
            List.of(),
            "forged");
    backupView.put(
        "catalog/etcd-delta/prod/" + orphan + ".json", Json.write(forged), Condition.none());

    etcd.fill("/b/", 2, 8);
    runs.clock().instant();
    DeltaSource next = runs.delta().source(DeltaSource.class);
    assertThat(next.base()).isEqualTo(real.id());
    assertThat(next.root()).isEqualTo(full.id());
    assertThat(next.fromRevision()).isEqualTo(source.toRevision() + 1);
  }

  long revision() {
    return client
        .getKVClient()
        .get(ByteSequence.from(new byte[] {0}))
        .join()
        .getHeader()
        .getRevision();
  }

  List<String> entries(String prefix) {
    try (var listing = store.list(prefix)) {
      return listing.map(io.lifeboat.store.ObjectInfo::key).toList();
    }
  }
}
