package io.lifeboat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.etcd.delta.DeltaFormat;
import io.lifeboat.etcd.delta.DeltaSource;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.RetentionPolicy;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Prune over a mix of etcd delta chains: a chain is kept whole from its newest kept delta back to
 * its full snapshot; a full snapshot goes only after its deltas; a forged or orphaned delta is
 * reported, never counted, never deleted.
 */
class PruneChainsTest {
  final MutableClock clock =
      new MutableClock(Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS));
  final InMemoryObjectStore store = new InMemoryObjectStore(Clock.systemUTC());
  final Scope prod = Scope.cluster(new ClusterName("prod"));
  final byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
  int suffix;

  // chain A: full at 100, deltas 101..110, 111..120, 121..130; chain B: full at 200, 201..210,
  // 211..220
  final BackupRef fullA = full(10, 100);
  final BackupRef a1 = delta(9, fullA, fullA, 101, 110, 1);
  final BackupRef a2 = delta(8, fullA, a1, 111, 120, 2);
  final BackupRef a3 = delta(7, fullA, a2, 121, 130, 3);
  final BackupRef fullB = full(5, 200);
  final BackupRef b1 = delta(4, fullB, fullB, 201, 210, 1);
  final BackupRef b2 = delta(3, fullB, b1, 211, 220, 2);
  // forged, the newest: on b1 but overlapping it; and one whose root does not exist
  final BackupRef overlapping = delta(1, fullB, b1, 205, 300, 2);
  final BackupRef orphan =
      delta(
          1,
          new BackupRef(
              Kind.ETCD, prod, new BackupId(clock.instant().minus(Duration.ofHours(20)), "dead")),
          null,
          401,
          410,
          1);

  @Test
  void aKeptDeltaKeepsItsWholeChainAndForgedOrOrphanedDeltasAreNeitherCountedNorDeleted() {
    PrunePlan plan = pruner().plan(Kind.ETCD_DELTA, prod, keepLast(1));

    assertThat(plan.render())
        .contains("keep    " + b2.id() + "  newest complete backup, last 1 of 1")
        .contains("keep    " + b1.id() + "  in the chain of " + b2.id())
        .contains("remove  " + a3.id())
        .contains("remove  " + a1.id())
        .contains("ignore  " + overlapping.id() + "  invalid: in no valid delta chain")
        .contains("a hole or an overlap")
        .contains("ignore  " + orphan.id() + "  invalid: in no valid delta chain");
    pruner().prune(Kind.ETCD_DELTA, prod, keepLast(1), "test");
    assertThat(keys())
        .contains(b1.catalogKey(), b2.catalogKey(), overlapping.catalogKey(), orphan.catalogKey())
        .doesNotContain(a1.catalogKey(), a2.catalogKey(), a3.catalogKey());
  }

  @Test
  void aFullSnapshotStaysWhileADeltaBuildsOnItAndGoesAfterItsDeltas() {
    PrunePlan first = pruner().plan(Kind.ETCD, prod, keepLast(1));
    assertThat(first.render())
        .contains("keep    " + fullB.id() + "  newest complete backup")
        .contains("keep    " + fullA.id() + "  root of the delta chain ending " + a3.id());
    assertThat(first.removals()).isEmpty();

    pruner().prune(Kind.ETCD_DELTA, prod, keepLast(1), "test");
    pruner().prune(Kind.ETCD, prod, keepLast(1), "test");
    assertThat(keys())
        .doesNotContain(fullA.catalogKey())
        .contains(fullB.catalogKey(), b1.catalogKey());
  }

  @Test
  void keepingAnOlderDeltaByTheCalendarKeepsItsOwnChainToo() {
    // keep-last 3 reaches a3 of the older chain (the forged newest is still not counted)
    PrunePlan plan = pruner().plan(Kind.ETCD_DELTA, prod, keepLast(3));
    assertThat(plan.render())
        .contains("keep    " + a3.id() + "  last 3 of 3")
        .contains("keep    " + a2.id() + "  in the chain of " + a3.id())
        .contains("keep    " + a1.id() + "  in the chain of " + a3.id());
    assertThat(plan.removals()).isEmpty();
  }

  Pruner pruner() {
    return new Pruner(store, clock, ExternalResources.none());
  }

  static PruneSettings keepLast(int n) {
    return PruneSettings.of(RetentionPolicy.newestOnly().withKeepLast(n));
  }

  BackupRef full(int hoursAgo, long revision) {
    BackupRef ref = ref(Kind.ETCD, hoursAgo);
    EtcdSource source =
        new EtcdSource(
            "m", "1", true, "3.4.23", revision, 1, 1, 1, "0".repeat(64), "stream", 0, 0, null);
    write(ref, Json.tree(source));
    return ref;
  }

  BackupRef delta(int hoursAgo, BackupRef root, BackupRef base, long from, long to, int length) {
    BackupRef ref = ref(Kind.ETCD_DELTA, hoursAgo);
    DeltaSource source =
        new DeltaSource(
            DeltaFormat.FORMAT,
            base == null ? "20200101T000000Z-dead" : base.id().toString(),
            base == null ? "etcd-delta" : base.kind().segment(),
            root.id().toString(),
            from,
            to,
            1,
            length,
            100L * length,
            "c1",
            "m");
    write(ref, Json.tree(source));
    return ref;
  }

  BackupRef ref(Kind kind, int hoursAgo) {
    return new BackupRef(
        kind,
        prod,
        new BackupId(
            clock.instant().minus(Duration.ofHours(hoursAgo)), String.format("%04x", ++suffix)));
  }

  void write(BackupRef ref, com.fasterxml.jackson.databind.JsonNode source) {
    String data = ref.dataPrefix() + "payload.zst";
    store.put(data, payload, Condition.none());
    Manifest manifest =
        Manifest.builder(ref.kind(), prod.toString(), ref.id().toString())
            .times(ref.id().time(), ref.id().time())
            .tool("test")
            .source(source)
            .objects(
                List.of(new DataObject("payload.zst", payload.length, "0".repeat(64), null, null)))
            .compression("zstd")
            .build();
    store.put(ref.catalogKey(), Json.write(manifest), Condition.ifAbsent());
    store.setLastModified(data, ref.id().time().plusSeconds(60));
    store.setLastModified(ref.catalogKey(), ref.id().time().plusSeconds(60));
  }

  List<String> keys() {
    try (Stream<ObjectInfo> listing = store.list("")) {
      return listing.map(ObjectInfo::key).toList();
    }
  }
}
