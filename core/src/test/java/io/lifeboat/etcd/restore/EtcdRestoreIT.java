package io.lifeboat.etcd.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.codec.AgeIdentities;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.etcd.EtcdSettings;
import io.lifeboat.etcd.EtcdSnapshotter;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.Cli;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Download, restore and the restore drill against a real etcd 3.4.23 backup (age-encrypted, in the
 * file store), with the real etcdctl and with a stub etcdutl that records its arguments.
 */
class EtcdRestoreIT {
  static final ClusterName CLUSTER = new ClusterName("prod");
  static final String REAL_PATH = "/usr/bin:/bin";

  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @TempDir static Path dir;
  @TempDir Path work;
  static EtcdServer etcd;
  static Path repoRoot;
  static Path identity;
  static Path otherIdentity;
  static Manifest backup;
  static DrillServer.Served source;

  @BeforeAll
  static void backUpARealEtcd() throws Exception {
    etcd = EtcdServer.start(dir.resolve("source"));
    etcd.fill("/registry/configmaps/default/cm-", 500, 512);
    identity = keygen("identity.txt");
    otherIdentity = keygen("other-identity.txt");
    AgeRecipients recipients = AgeRecipients.of(List.of(recipientOf(identity)));
    repoRoot = dir.resolve("repo");
    try (ObjectStore store = FileObjectStore.createRoot(repoRoot)) {
      new RepositoryInitializer(store, Clock.systemUTC()).init(recipients.fingerprints());
      EtcdSettings settings =
          new EtcdSettings(
              List.of(etcd.endpoint()),
              null,
              null,
              null,
              null,
              null,
              null,
              Duration.ofSeconds(5),
              Duration.ofMinutes(2));
      backup =
          new EtcdBackup(
                  new Repository(store, Clock.systemUTC()),
                  new EtcdSnapshotter(settings, Clock.systemUTC(), 16))
              .run(
                  new EtcdBackup.Request(
                      CLUSTER,
                      new RunTrigger.Manual("test"),
                      Encoding.of(recipients),
                      null,
                      "test",
                      Duration.ofMinutes(5)))
              .orThrow()
              .committed()
              .orElseThrow();
    }
    source = DrillServer.read(etcd.endpoint());
  }

  @AfterAll
  static void stopEtcd() {
    etcd.close();
  }

  @Test
  void theDownloadIsByteIdenticalToEtcdctlSnapshotSave() throws IOException {
    Path reference = work.resolve("etcdctl.db");
    etcd.etcdctl("snapshot", "save", reference.toString());
    Path out = work.resolve("out/snapshot.db");
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      var downloaded =
          downloader(store, identity).download(backup.ref(), out, DownloadProgress.NONE);
      assertThat(downloaded.sha256()).isEqualTo(downloaded.source().snapshotSha256());
    }
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(reference));
    assertThat(out.resolveSibling("snapshot.db.part")).doesNotExist();
  }

  @Test
  void restoringWithEtcdctl34WarnsThatTheRevisionIsNotBumpedAndBootsWithTheSourceHashkv()
      throws Exception {
    Path dataDir = work.resolve("restored");
    int peerPort = RestoreDrill.freePort();
    String peer = "http://127.0.0.1:" + peerPort;
    EtcdRestoreReport report;
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      report =
          restorer(store, REAL_PATH, identity)
              .restore(request("latest", new RestoreSpec(dataDir, "m1", "m1=" + peer, peer, null)));
      String reportKey =
          RepositoryLayout.restoreReport(Kind.ETCD, Scope.cluster(CLUSTER), report.restoreId());
      assertThat(
              Json.read(
                  store.read(reportKey).orElseThrow().content(),
                  EtcdRestoreReport.class,
                  reportKey))
          .isEqualTo(report);
      assertThat(store.read(RepositoryLayout.restoreLease(Kind.ETCD, Scope.cluster(CLUSTER))))
          .as("the restore lease is released")
          .isEmpty();
    }
    assertThat(report.restored()).isTrue();
    assertThat(report.tool()).isEqualTo("etcdctl");
    assertThat(report.bumpRevision()).isZero();
    assertThat(report.arguments()).doesNotContain("--bump-revision").contains("m1=" + peer);
    assertThat(report.warnings())
        .anySatisfy(w -> assertThat(w).contains("3.5.10+").contains("3.4.27+"));
    assertThat(dataDir.resolve("member/snap/db")).exists();
    assertThat(siblingsOf(dataDir)).containsExactly("restored");

    try (DrillServer restored =
        DrillServer.start(
            REAL_PATH,
            dataDir,
            "m1",
            peerPort,
            RestoreDrill.freePort(),
            work,
            Duration.ofSeconds(30))) {
      assertThat(restored.inspect()).isEqualTo(source);
    }
  }

  @Test
  void aRestoreToolThatSupportsItGetsBumpRevisionAndMarkCompacted() throws IOException {
    Path record = work.resolve("etcdutl-args.txt");
    String path = stubEtcdutl(record) + ":" + REAL_PATH;
    Path dataDir = work.resolve("restored");
    EtcdRestoreReport report;
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      report = restorer(store, path, identity).restore(request(backup.id(), spec(dataDir)));
    }
    assertThat(Files.readString(record))
        .contains(" --data-dir ")
        .contains("--name m1 ")
        .contains("--initial-cluster-token lifeboat-" + backup.id().toLowerCase())
        .endsWith("--bump-revision 1000000000 --mark-compacted\n");
    assertThat(report.tool()).isEqualTo("etcdutl");
    assertThat(report.bumpRevision()).isEqualTo(1_000_000_000L);
    assertThat(report.markCompacted()).isTrue();
    assertThat(report.warnings()).isEmpty();
    assertThat(dataDir.resolve("member/snap/db")).exists();
  }

  @Test
  void bumpRevisionZeroOptsOutOfTheBumpFlags() throws IOException {
    Path record = work.resolve("etcdutl-args.txt");
    String path = stubEtcdutl(record) + ":" + REAL_PATH;
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      restorer(store, path, identity)
          .restore(
              new EtcdRestorer.Request(
                  CLUSTER, "latest", spec(work.resolve("restored")), 0, null, null));
    }
    assertThat(Files.readString(record))
        .doesNotContain("--bump-revision")
        .doesNotContain("--mark-compacted");
  }

  @Test
  void aNonEmptyDataDirIsRefusedWithExitTwoNamingIt() throws IOException {
    Path dataDir = Files.createDirectories(work.resolve("old/member"));
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      assertThatThrownBy(
              () ->
                  restorer(store, REAL_PATH, identity)
                      .restore(request("latest", spec(dataDir.getParent()))))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
          .hasMessageContaining(dataDir.getParent().toString());
    }
    assertThat(siblingsOf(dataDir.getParent())).containsExactly("old");
  }

  @ParameterizedTest(name = "a stored snapshot that is {0} fails restore and verify with exit 6")
  @ValueSource(strings = {"flipped", "truncated"})
  void aDamagedStoredSnapshotFailsRestoreAndVerifyWithExitSixAndWritesNothing(String damage)
      throws IOException {
    Path damaged = copyRepository(work.resolve("damaged-repo"));
    Path object = damaged.resolve(dataKey());
    byte[] bytes = Files.readAllBytes(object);
    if (damage.equals("flipped")) {
      bytes[bytes.length / 2] ^= 0x01;
    } else {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1000);
    }
    Files.write(object, bytes);
    Path dataDir = work.resolve("restored");
    try (ObjectStore store = new FileObjectStore(damaged)) {
      assertThatThrownBy(
              () -> restorer(store, REAL_PATH, identity).restore(request("latest", spec(dataDir))))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INTEGRITY))
          .hasMessageContaining(dataKey());
      assertThatThrownBy(
              () -> drill(store, identity).verify(CLUSTER, "latest", DownloadProgress.NONE))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INTEGRITY));
    }
    assertThat(dataDir).doesNotExist();
    // A truncated object no longer has its recorded size: the catalog refuses the entry before
    // the drill makes its scratch folder; a flipped byte is found by the checksum while reading.
    assertThat(siblingsOf(dataDir))
        .containsExactlyElementsOf(
            damage.equals("flipped") ? List.of("damaged-repo", "drill") : List.of("damaged-repo"));
    assertThat(siblingsOf(work.resolve("drill/x"))).isEmpty();
  }

  @Test
  void aWrongAgeIdentityExitsTwoNamingIt() {
    Path dataDir = work.resolve("restored");
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      assertThatThrownBy(
              () ->
                  restorer(store, REAL_PATH, otherIdentity)
                      .restore(request("latest", spec(dataDir))))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.INVALID_CONFIGURATION))
          .hasMessageContaining(otherIdentity.toString());
    }
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void anUnknownBackupIdExitsSeven() {
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      assertThatThrownBy(
              () ->
                  restorer(store, REAL_PATH, identity)
                      .restore(request("20200101T000000Z-0000", spec(work.resolve("restored")))))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.NOT_FOUND));
      assertThatThrownBy(
              () -> drill(store, identity).verify(CLUSTER, "20200101T000000Z-0000", null))
          .satisfies(e -> assertThat(ExitCode.of(e)).isEqualTo(ExitCode.NOT_FOUND));
    }
  }

  @Test
  void theDrillOnAGoodBackupReportsTheSourceKeysRevisionAndHashkv() throws IOException {
    RestoreDrill.Result result;
    try (ObjectStore store = new FileObjectStore(repoRoot)) {
      result = drill(store, identity).verify(CLUSTER, "latest", DownloadProgress.NONE);
    }
    assertThat(result.keys()).isEqualTo(source.keys());
    assertThat(result.revision()).isEqualTo(source.revision());
    assertThat(result.hashKv()).isEqualTo(source.hashKv());
    assertThat(result.backup()).isEqualTo(backup.ref());
    assertThat(siblingsOf(work.resolve("drill/x"))).isEmpty();
  }

  @Test
  void aBackupInS3DownloadsAndPassesTheDrill() throws IOException {
    String bucket = S3.createBucket();
    try (ObjectStore files = new FileObjectStore(repoRoot);
        ObjectStore s3 = Locations.open(S3.locationSettings(bucket, "lifeboat"))) {
      copyTo(files, s3);
      Path out = work.resolve("s3.db");
      downloader(s3, identity).download(backup.ref(), out, DownloadProgress.NONE);
      assertThat(out).hasSize(backup.source(io.lifeboat.etcd.EtcdSource.class).snapshotSize());
      RestoreDrill.Result result = drill(s3, identity).verify(CLUSTER, "latest", null);
      assertThat(result.hashKv()).isEqualTo(source.hashKv());
    }
  }

  // --- helpers

  static SnapshotDownloader downloader(ObjectStore store, Path identityFile) {
    return new SnapshotDownloader(
        new Repository(store, Clock.systemUTC()),
        Decoding.with(AgeIdentities.fromFile(identityFile)));
  }

  static EtcdRestorer restorer(ObjectStore store, String path, Path identityFile) {
    return new EtcdRestorer(
        new Repository(store, Clock.systemUTC()),
        downloader(store, identityFile),
        RestoreTool.detect(path),
        "test");
  }

  RestoreDrill drill(ObjectStore store, Path identityFile) {
    return new RestoreDrill(
        new Repository(store, Clock.systemUTC()),
        downloader(store, identityFile),
        RestoreTool.detect(REAL_PATH),
        work.resolve("drill"),
        Duration.ofSeconds(30));
  }

  static EtcdRestorer.Request request(String backupId, RestoreSpec spec) {
    return new EtcdRestorer.Request(
        CLUSTER, backupId, spec, EtcdRestorer.DEFAULT_BUMP_REVISION, null, null);
  }

  static RestoreSpec spec(Path dataDir) {
    return new RestoreSpec(
        dataDir, "m1", "m1=http://127.0.0.1:2380", "http://127.0.0.1:2380", null);
  }

  static String dataKey() {
    return RepositoryLayout.dataObject(
        Kind.ETCD,
        Scope.cluster(CLUSTER),
        backup.ref().id(),
        SnapshotDownloader.snapshotObject(backup).name());
  }

  /** A stub etcdutl that supports the bump flags, records its restore arguments, fills the dir. */
  Path stubEtcdutl(Path record) throws IOException {
    Path bin = Files.createDirectories(work.resolve("stub-bin"));
    Path script = bin.resolve("etcdutl");
    Files.writeString(
        script,
        String.join(
            "\n",
            "#!/bin/sh",
            "if [ \"$1\" = version ]; then echo 'etcdutl version: 3.4.99'; echo 'API version: 3.4'; exit 0; fi",
            "if [ \"$3\" = --help ]; then echo '--bump-revision uint   --mark-compacted'; exit 0; fi",
            "echo \"$@\" >> '" + record + "'",
            "while [ $# -gt 0 ]; do",
            "  if [ \"$1\" = --data-dir ]; then mkdir -p \"$2/member/snap\" && : > \"$2/member/snap/db\"; fi",
            "  shift",
            "done",
            ""),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  static Path copyRepository(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(repoRoot)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(repoRoot.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }

  static List<String> siblingsOf(Path path) throws IOException {
    if (!Files.isDirectory(path.getParent())) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(path.getParent())) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static Path keygen(String name) {
    Path key = dir.resolve(name);
    Cli.run(List.of(), List.of("age-keygen", "-o", key.toString()));
    return key;
  }

  static String recipientOf(Path key) {
    return Cli.run(List.of(), List.of("age-keygen", "-y", key.toString())).strip();
  }

  static void copyTo(ObjectStore from, ObjectStore to) {
    try (Stream<ObjectInfo> all = from.list("")) {
      for (ObjectInfo info : all.toList()) {
        try (var in = from.get(info.key())) {
          to.put(info.key(), in.readAllBytes(), Condition.none());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }
}
