package io.lifeboat.etcd.restore;

import static java.nio.file.Files.createDirectories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.codec.AgeIdentities;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.etcd.delta.DeltaFixture;
import io.lifeboat.etcd.delta.DeltaSource;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.EtcdServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} when the newest etcd backup is a delta: the drill downloads the root and every
 * delta, verifies each, replays them to the newest revision checking every event's previous value,
 * boots the result and fails (exit 6, naming the object) on a corrupted or a forged delta.
 */
class ChainDrillIT {
  @TempDir static Path dir;
  static EtcdServer etcd;
  static AgeKeys keys;
  static AgeRecipients recipients;
  static ObjectStore store;
  static DeltaFixture runs;
  static Manifest full;
  static final List<Manifest> deltas = new ArrayList<>();
  static int keysAtTheEnd;

  @BeforeAll
  static void fullThenThreeDeltas() throws Exception {
    etcd = EtcdServer.start(dir.resolve("source"));
    keys = AgeKeys.generate(dir);
    store = new FileObjectStore(createDirectories(dir.resolve("repo")));
    recipients = AgeRecipients.of(List.of(keys.recipient()));
    new RepositoryInitializer(store, Clock.systemUTC()).init(recipients.fingerprints());
    runs = new DeltaFixture(etcd, store, recipients);
    etcd.fill("/registry/configmaps/a/cm-", 40, 64);
    full = runs.full();
    for (int round = 0; round < 3; round++) {
      etcd.fill("/registry/secrets/r" + round + "/s-", 10, 32);
      etcd.etcdctl("del", "--prefix", "/registry/configmaps/a/cm-" + round);
      etcd.etcdctl("put", "/registry/pods/twice", "first-" + round);
      etcd.etcdctl("put", "/registry/pods/twice", "second-" + round);
      deltas.add(runs.delta());
    }
    long last = deltas.get(2).source(DeltaSource.class).toRevision();
    keysAtTheEnd = DeltaFixture.keyValues(etcd.endpoint(), last).size();
  }

  @AfterAll
  static void stop() {
    store.close();
    etcd.close();
  }

  @Test
  void verifyLatestDrillsTheNewestChainAndServesTheKeysOfItsLastRevision() {
    RestoreDrill.Result result = drill().verify(DeltaFixture.CLUSTER, "latest", null);

    assertThat(result.backup()).isEqualTo(deltas.get(2).ref());
    assertThat(result.chain()).startsWith(full.id() + " + 3 deltas (revisions ");
    assertThat(result.keys()).isEqualTo(keysAtTheEnd);
    assertThat(result.summary()).contains("verified " + deltas.get(2).ref()).contains("chain ");
  }

  @Test
  void verifyOfAMiddleDeltaByIdDrillsItsChainUpToIt() {
    RestoreDrill.Result result = drill().verify(DeltaFixture.CLUSTER, deltas.get(1).id(), null);

    assertThat(result.backup()).isEqualTo(deltas.get(1).ref());
    assertThat(result.chain()).startsWith(full.id() + " + 2 deltas");
  }

  @Test
  void aCorruptedDeltaInTheChainFailsTheDrillWithIntegrityNamingItsObject() throws Exception {
    Manifest middle = deltas.get(1);
    String key = middle.ref().dataPrefix() + middle.objects().get(0).name();
    byte[] original;
    try (var in = store.get(key)) {
      original = in.readAllBytes();
    }
    byte[] corrupted = original.clone();
    corrupted[corrupted.length / 2] ^= 0x01;
    store.put(key, corrupted, Condition.none());
    try {
      assertThatThrownBy(() -> drill().verify(DeltaFixture.CLUSTER, "latest", null))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INTEGRITY))
          .hasMessageContaining(key);
    } finally {
      store.put(key, original, Condition.none());
    }
  }

  @Test
  void aForgedDeltaWhoseEventsDoNotFollowFromTheChainFailsTheDrillNamingIt() throws Exception {
    Manifest real = deltas.get(2);
    // Forged with the backup identity and the public recipient: the newest delta's events without
    // the first put of a key put twice, re-encoded, with a manifest whose sizes and hashes all
    // match. Only the replayed state can tell: the second put's previous value was never written.
    String text = plaintext(real);
    String dropped =
        text.lines().filter(line -> line.contains(base64("first-2"))).findFirst().orElseThrow();
    long events = real.source(DeltaSource.class).events() - 1;
    String forgedText =
        text.replace(dropped + "\n", "")
            .replace("\"events\":" + (events + 1) + ",", "\"events\":" + events + ",");
    String id = BackupId.next(runs.clock().instant().plusSeconds(30)).toString();
    String name = real.objects().get(0).name();
    byte[] raw = forgedText.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    try (OutputStream encoder = Encoding.of(recipients).encode(stored)) {
      encoder.write(raw);
    }
    ObjectStore backupView = Repository.backupView(store);
    String dataKey = "data/etcd-delta/prod/" + id + "/" + name;
    String catalogKey = "catalog/etcd-delta/prod/" + id + ".json";
    backupView.put(dataKey, stored.toByteArray(), Condition.none());
    DeltaSource source = real.source(DeltaSource.class);
    DeltaSource forgedSource =
        new DeltaSource(
            source.format(),
            source.base(),
            source.baseKind(),
            source.root(),
            source.fromRevision(),
            source.toRevision(),
            events,
            source.chainLength(),
            source.chainBytes(),
            source.clusterId(),
            source.member());
    DataObject object =
        new DataObject(
            name, stored.size(), sha256(stored.toByteArray()), (long) raw.length, sha256(raw));
    backupView.put(
        catalogKey,
        Json.write(
            DeltaFixture.forgedDelta(
                real, id, forgedSource, List.of(object), real.startedAt(), real.completedAt())),
        Condition.none());
    try {
      assertThatThrownBy(() -> drill().verify(DeltaFixture.CLUSTER, "latest", null))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INTEGRITY))
          .hasMessageContaining(dataKey)
          .hasMessageContaining("does not follow from the state before it");
    } finally {
      store.delete(List.of(catalogKey, dataKey));
    }
  }

  // --- helpers

  static RestoreDrill drill() {
    Repository repository = new Repository(store, Clock.systemUTC());
    return new RestoreDrill(
        repository,
        new SnapshotDownloader(
            repository, Decoding.with(AgeIdentities.fromFile(keys.identityFile()))),
        RestoreTool.detect(EtcdRestoreIT.REAL_PATH),
        dir.resolve("scratch"),
        Duration.ofSeconds(30));
  }

  static String plaintext(Manifest delta) throws Exception {
    String name = delta.objects().get(0).name();
    try (var in =
        Decoding.with(AgeIdentities.fromFile(keys.identityFile()))
            .decode(store.get(delta.ref().dataPrefix() + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
