package io.lifeboat.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.ClientThreads;
import io.lifeboat.testing.CountingTcpProxy;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.FaultInjectingStore;
import io.lifeboat.testing.Ports;
import io.lifeboat.testing.S3ProxyServer;
import io.lifeboat.testing.TestPki;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when a server dies mid-run, TLS is wrong, or config does not match. */
class EtcdBackupFaultsIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir Path dir;
  private final ClusterName cluster = new ClusterName("prod");

  private ClaimedRun.Result backup(EtcdSettings settings, ObjectStore store, int bufferChunks) {
    return backup(settings, store, java.util.Set.of(), bufferChunks);
  }

  /** An unencrypted run into a repository made for {@code fingerprints}. */
  private ClaimedRun.Result backup(
      EtcdSettings settings, ObjectStore store, java.util.Set<String> fingerprints, int chunks) {
    new RepositoryInitializer(store, Clock.systemUTC()).init(fingerprints);
    Repository repository = new Repository(Repository.backupView(store), Clock.systemUTC());
    return new EtcdBackup(repository, new EtcdSnapshotter(settings, Clock.systemUTC(), chunks))
        .run(
            new EtcdBackup.Request(
                cluster,
                new RunTrigger.Manual("test"),
                Encoding.of(AgeRecipients.none()),
                null,
                "test",
                Duration.ofMinutes(10)))
        .orThrow();
  }

  private static EtcdSettings plain(EtcdServer etcd) {
    return plain(etcd.endpoint());
  }

  private static EtcdSettings plain(URI endpoint) {
    return new EtcdSettings(
        List.of(endpoint),
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofMinutes(2));
  }

  private static LongConsumer once(Runnable action) {
    AtomicBoolean done = new AtomicBoolean();
    return written -> {
      if (!done.getAndSet(true)) {
        action.run();
      }
    };
  }

  /** A repository made for encrypted backups refuses this unencrypted run: exit 2. */
  private ClaimedRun.Result refusedBackup(EtcdSettings settings) {
    AgeKeys keys = AgeKeys.generate(dir);
    return backup(
        settings,
        FileObjectStore.createRoot(dir.resolve("repo")),
        AgeRecipients.of(List.of(keys.recipient())).fingerprints(),
        16);
  }

  @Test
  void aRepositoryRefusingTheRunIsWhatIsReportedWhenEtcdIsDownToo() {
    // The member is chosen while the repository is checked; the repository's answer still comes
    // first, as it did when the two ran one after the other.
    URI dead = URI.create("http://127.0.0.1:" + Ports.free());

    assertThatThrownBy(() -> refusedBackup(plain(dead)))
        .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
        .hasMessageContaining("lifeboat.age.recipients");
  }

  @Test
  void aRunRefusedBeforeTheSnapshotClosesTheMemberItChose() {
    EtcdServer etcd = EtcdServer.start(dir.resolve("etcd"));
    Set<Thread> before = ClientThreads.live();
    try (CountingTcpProxy proxy = CountingTcpProxy.to(etcd.endpoint())) {
      assertThatThrownBy(() -> refusedBackup(plain(proxy.endpoint())))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION));

      // The choice finishes on its own thread (it did reach etcd), and its client is then closed.
      await().atMost(Duration.ofSeconds(10)).until(() -> proxy.opened() >= 2);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> proxy.open() == 0 && ClientThreads.startedSince(before).isEmpty());
    } finally {
      etcd.close();
    }
  }

  @Test
  void etcdDyingMidStreamExitsFourAndCommitsNothing() throws Exception {
    EtcdServer etcd = EtcdServer.start(dir.resolve("etcd"));
    try {
      etcd.fill("/registry/secrets/default/s-", 3_000, 10 * 1024);
      ObjectStore files = FileObjectStore.createRoot(dir.resolve("repo"));
      ObjectStore store = new FaultInjectingStore(files, once(etcd::kill));

      assertThatThrownBy(() -> backup(plain(etcd), store, 2))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE))
          .hasMessageContaining(etcd.endpoint().toString());

      assertThat(new Repository(files, Clock.systemUTC()).list(Kind.ETCD, null)).isEmpty();
      assertThat(files.listIncompleteUploads("")).as("the temp file was discarded").isEmpty();
      try (Stream<?> data = files.list("data/")) {
        assertThat(data).isEmpty();
      }
    } finally {
      etcd.close();
    }
  }

  @Test
  void theStoreDyingMidUploadExitsFiveAndCommitsNothing() {
    EtcdServer etcd = EtcdServer.start(dir.resolve("etcd"));
    try {
      etcd.fill("/registry/secrets/default/s-", 2_000, 10 * 1024);
      String bucket = S3.createBucket();
      LocationSettings small = S3.locationSettings(bucket, "dr");
      small =
          new LocationSettings(
              small.uri(),
              small.s3Endpoint(),
              small.s3Region(),
              small.s3PathStyle(),
              small.s3AccessKeyId(),
              small.s3SecretAccessKey(),
              5 * 1024 * 1024);
      ObjectStore s3 = Locations.open(small);
      ObjectStore store =
          new FaultInjectingStore(
              s3,
              written -> {
                if (written > 6 * 1024 * 1024 && S3.isRunning()) {
                  S3.stop();
                }
              });

      assertThatThrownBy(() -> backup(plain(etcd), store, 64))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.LOCATION_UNAVAILABLE));

      S3.restart();
      assertThat(new Repository(s3, Clock.systemUTC()).list(Kind.ETCD, null)).isEmpty();
    } finally {
      etcd.close();
    }
  }

  @Test
  void mutualTlsWithAKubeadmStylePkcs1KeyWorks() throws Exception {
    TestPki pki = TestPki.generate(Files.createDirectories(dir.resolve("pki")));
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("tls-etcd"), pki.serverTls())) {
      EtcdSettings settings =
          new EtcdSettings(
              List.of(etcd.endpoint()),
              null,
              pki.caCert(),
              pki.clientCert(),
              pki.clientKey(),
              null,
              null,
              Duration.ofSeconds(5),
              Duration.ofMinutes(2));
      var outcome = backup(settings, FileObjectStore.createRoot(dir.resolve("repo")), 64);
      assertThat(outcome.committed().orElseThrow().source(EtcdSource.class).member())
          .startsWith("https://127.0.0.1:");
    }
  }

  @Test
  void aWrongCaExitsFourSayingTheTlsHandshakeFailed() throws Exception {
    TestPki pki = TestPki.generate(Files.createDirectories(dir.resolve("pki")));
    TestPki other = TestPki.generate(Files.createDirectories(dir.resolve("other-pki")));
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("tls-etcd"), pki.serverTls())) {
      EtcdSettings wrongCa =
          new EtcdSettings(
              List.of(etcd.endpoint()),
              null,
              other.caCert(),
              pki.clientCert(),
              pki.clientKey(),
              null,
              null,
              Duration.ofSeconds(5),
              Duration.ofMinutes(2));
      assertThatThrownBy(() -> backup(wrongCa, FileObjectStore.createRoot(dir.resolve("repo")), 64))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE))
          .hasMessageContaining("TLS");
    }
  }
}
