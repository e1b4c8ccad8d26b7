package io.lifeboat.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.schedule.Slot;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.Ports;
import io.lifeboat.testing.RecordingProgress;
import io.lifeboat.testing.S3ProxyServer;
import io.lifeboat.testing.Shell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The etcd snapshot job's contract, end to end against real etcd, S3Proxy and the stock CLIs. */
class EtcdBackupIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir static Path dir;
  static EtcdServer etcd;
  static AgeKeys keys;
  private final ClusterName cluster = new ClusterName("prod");

  @BeforeAll
  static void startEtcdWithMixedKeys() {
    etcd = EtcdServer.start(dir.resolve("source"));
    fillMixed(etcd, 50_000);
    keys = AgeKeys.generate(dir);
  }

  @AfterAll
  static void stopEtcd() {
    etcd.close();
  }

  /** 50k keys shaped like Kubernetes objects, values from 64 bytes to 8 KiB. */
  static void fillMixed(EtcdServer server, int count) {
    Random random = new Random(7);
    try (var client = io.etcd.jetcd.Client.builder().endpoints(server.endpoint()).build()) {
      List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] value = new byte[64 + random.nextInt(8 * 1024)];
        random.nextBytes(value);
        String key =
            "/registry/"
                + (i % 7 == 0 ? "secrets" : "configmaps")
                + "/ns-"
                + (i % 50)
                + "/obj-"
                + i;
        inFlight.add(
            client
                .getKVClient()
                .put(
                    io.etcd.jetcd.ByteSequence.from(key, StandardCharsets.UTF_8),
                    io.etcd.jetcd.ByteSequence.from(value)));
        if (inFlight.size() == 512) {
          inFlight.forEach(java.util.concurrent.CompletableFuture::join);
          inFlight.clear();
        }
      }
      inFlight.forEach(java.util.concurrent.CompletableFuture::join);
    }
  }

  static EtcdSettings settings(EtcdServer server) {
    return new EtcdSettings(
        List.of(server.endpoint()),
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofMinutes(5));
  }

  private Repository repository(ObjectStore store, AgeRecipients recipients) {
    new RepositoryInitializer(store, Clock.systemUTC()).init(recipients.fingerprints());
    return new Repository(Repository.backupView(store), Clock.systemUTC());
  }

  private ClaimedRun.Result backup(
      Repository repository, AgeRecipients recipients, RunTrigger trigger) {
    EtcdSnapshotter snapshotter = new EtcdSnapshotter(settings(etcd), Clock.systemUTC(), 64);
    return new EtcdBackup(repository, snapshotter)
        .run(
            new EtcdBackup.Request(
                cluster, trigger, Encoding.of(recipients), null, "test", Duration.ofMinutes(10)))
        .orThrow();
  }

  @Test
  void progressCountsEverySnapshotByteAgainstTheMembersReportedDatabaseSize() {
    ObjectStore store = new InMemoryObjectStore(Clock.systemUTC());
    Repository repository = repository(store, AgeRecipients.none());
    EtcdSnapshotter snapshotter = new EtcdSnapshotter(settings(etcd), Clock.systemUTC(), 64);
    RecordingProgress progress = new RecordingProgress();

    var committed =
        (ClaimedRun.Result.Committed)
            new EtcdBackup(repository, snapshotter)
                .run(
                    new EtcdBackup.Request(
                        cluster,
                        new RunTrigger.Manual("test"),
                        Encoding.of(AgeRecipients.none()),
                        null,
                        "test",
                        Duration.ofMinutes(10)),
                    progress)
                .orThrow();

    EtcdSource source = committed.manifest().source(EtcdSource.class);
    String subject = committed.manifest().ref().toString();
    assertThat(progress.subjects()).containsExactly(subject);
    assertThat(progress.lastDone(subject)).isEqualTo(source.snapshotSize());
    assertThat(progress.steps()).allMatch(s -> s.total() == source.dbSize() + 32);
    assertThat(progress.steps().size()).isGreaterThan(10);
    assertThat(progress.neverWentBack()).isTrue();
  }

  @Test
  void aPersonRecoversWithS3cmdAgeZstdAndEtcdctlToTheSameKeyValueHash() throws IOException {
    String bucket = S3.createBucket();
    AgeRecipients recipients = AgeRecipients.of(List.of(keys.recipient()));
    ObjectStore store = Locations.open(S3.locationSettings(bucket, "dr"));
    Manifest manifest =
        backup(repository(store, recipients), recipients, new RunTrigger.Manual("test"))
            .committed()
            .orElseThrow();
    long revision = manifest.source(EtcdSource.class).revisionLowerBound();

    String key = "dr/data/etcd/prod/" + manifest.id() + "/snapshot.db.zst.age";
    Path s3cfg = Files.writeString(dir.resolve("s3cfg"), "");
    Path restoredDir = dir.resolve("restored");
    int peer = Ports.free();
    Shell.run(
        String.join(
            " ",
            "s3cmd -c",
            s3cfg.toString(),
            "--no-ssl --access_key=" + S3.accessKey(),
            "--secret_key=" + S3.secretKey(),
            "--host=127.0.0.1:" + S3.port(),
            "--host-bucket=127.0.0.1:" + S3.port(),
            "get s3://" + bucket + "/" + key,
            dir.resolve("s.zst.age").toString(),
            "&&",
            "age -d -i",
            keys.identityFile().toString(),
            dir.resolve("s.zst.age").toString(),
            "| zstd -d -q -o",
            dir.resolve("s.db").toString(),
            "&&",
            "ETCDCTL_API=3 etcdctl snapshot restore",
            dir.resolve("s.db").toString(),
            "--data-dir",
            restoredDir.toString(),
            "--name test",
            "--initial-cluster test=http://127.0.0.1:" + peer,
            "--initial-advertise-peer-urls http://127.0.0.1:" + peer));

    try (EtcdServer restored = EtcdServer.start(restoredDir)) {
      assertThat(hashKv(restored, revision)).isEqualTo(hashKv(etcd, revision));
    }
    Path reference = dir.resolve("etcdctl-save.db");
    etcd.etcdctl("snapshot", "save", reference.toString());
    assertThat(Files.readAllBytes(dir.resolve("s.db")))
        .as("decoded snapshot equals etcdctl snapshot save of the same quiet etcd")
        .isEqualTo(Files.readAllBytes(reference));
    assertThat(manifest.objects().get(0).rawSize()).isEqualTo(Files.size(reference));
  }

  private static String hashKv(EtcdServer server, long revision) {
    String out = server.etcdctl("endpoint", "hashkv", "--rev=" + revision);
    return out.substring(out.lastIndexOf(',') + 1).strip();
  }

  @Test
  void eightConcurrentRunsOfOneSlotCommitExactlyOneBackupOnS3() throws Exception {
    ObjectStore store = Locations.open(S3.locationSettings(S3.createBucket(), "race"));
    assertExactlyOneWinner(store);
  }

  @Test
  void eightConcurrentRunsOfOneSlotCommitExactlyOneBackupOnTheFileStore() throws Exception {
    ObjectStore store = FileObjectStore.createRoot(dir.resolve("race-file"));
    assertExactlyOneWinner(store);
  }

  private void assertExactlyOneWinner(ObjectStore store) throws Exception {
    AgeRecipients none = AgeRecipients.none();
    Repository repository = repository(store, none);
    RunTrigger slot =
        new RunTrigger.Scheduled(new Slot(Instant.parse("2026-11-25T18:15:00Z")), "test");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ClaimedRun.Result>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<ClaimedRun.Result> run = () -> backup(repository, none, slot);
        runs.add(pool.submit(run));
      }
      int skipped = 0;
      for (Future<ClaimedRun.Result> run : runs) {
        skipped += run.get() instanceof ClaimedRun.Result.Skipped ? 1 : 0;
      }
      assertThat(skipped).isEqualTo(7);
    } finally {
      pool.shutdownNow();
    }
    assertThat(new Repository(store, Clock.systemUTC()).list(Kind.ETCD, Scope.cluster(cluster)))
        .hasSize(1);
    assertThat(Set.copyOf(new Repository(store, Clock.systemUTC()).list(Kind.ETCD, null)))
        .hasSize(1);
  }
}
