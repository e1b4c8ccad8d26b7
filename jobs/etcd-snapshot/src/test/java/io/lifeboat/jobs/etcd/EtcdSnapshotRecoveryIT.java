package io.lifeboat.jobs.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.JobProcess;
import io.lifeboat.testing.Ports;
import io.lifeboat.testing.S3ProxyServer;
import io.lifeboat.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job (the JVM jar, or the native executable under {@code -Pnative}) snapshots a real
 * etcd with age to S3Proxy and to a {@code file://} repository, and a person restores each copy
 * with stock tools only ({@code s3cmd}, {@code age -d}, {@code zstd -d}, {@code etcdctl snapshot
 * restore}) to an etcd with the same key-value hash.
 */
class EtcdSnapshotRecoveryIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir static Path dir;
  static EtcdServer etcd;
  static AgeKeys keys;

  @BeforeAll
  static void start() {
    etcd = EtcdServer.start(dir.resolve("etcd"));
    etcd.fill("/registry/secrets/default/s-", 2_000, 1024);
    keys = AgeKeys.generate(dir);
  }

  @AfterAll
  static void stop() {
    etcd.close();
  }

  @Test
  void aSnapshotInS3ProxyRestoresWithS3cmdAgeZstdAndEtcdctlToTheSameHash() throws Exception {
    String bucket = S3.createBucket();
    ObjectStore store = init(Locations.open(S3.locationSettings(bucket, "dr")));
    Map<String, String> env = env("s3://" + bucket + "/dr");
    env.put("LIFEBOAT_S3_ENDPOINT", S3.endpoint().toString());
    env.put("LIFEBOAT_S3_PATH_STYLE", "true");
    env.put("LIFEBOAT_S3_ACCESS_KEY_ID", S3.accessKey());
    env.put("LIFEBOAT_S3_SECRET_ACCESS_KEY", S3.secretKey());

    Manifest manifest = runJob(env, store);
    Path fetched = dir.resolve("s3.zst.age");
    Shell.run(
        String.join(
            " ",
            "s3cmd -c",
            Files.writeString(dir.resolve("s3cfg"), "").toString(),
            "--no-ssl --access_key=" + S3.accessKey(),
            "--secret_key=" + S3.secretKey(),
            "--host=127.0.0.1:" + S3.port(),
            "--host-bucket=127.0.0.1:" + S3.port(),
            "get s3://" + bucket + "/dr/" + dataKey(manifest),
            fetched.toString()));

    assertRestoresToTheSameHash(fetched, manifest, "from-s3");
  }

  @Test
  void aSnapshotInAFileRepositoryRestoresWithAgeZstdAndEtcdctlToTheSameHash() {
    Path root = dir.resolve("file-repo");
    ObjectStore store = init(FileObjectStore.createRoot(root));

    Manifest manifest = runJob(env("file://" + root), store);

    assertRestoresToTheSameHash(root.resolve(dataKey(manifest)), manifest, "from-file");
  }

  private static ObjectStore init(ObjectStore store) {
    new RepositoryInitializer(store, Clock.systemUTC())
        .init(io.lifeboat.codec.AgeRecipients.of(List.of(keys.recipient())).fingerprints());
    return store;
  }

  private static Map<String, String> env(String location) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", location);
    env.put("LIFEBOAT_ETCD_ENDPOINTS", etcd.endpoint().toString());
    env.put("LIFEBOAT_AGE_RECIPIENTS", keys.recipient());
    return env;
  }

  /** Runs the job once and returns the one manifest it committed. */
  private static Manifest runJob(Map<String, String> env, ObjectStore store) {
    var result = JobProcess.run(env);
    assertThat(result.exitCode()).as(result.output()).isZero();
    Repository repository = new Repository(store, Clock.systemUTC());
    List<BackupRef> refs = repository.list(Kind.ETCD, null);
    assertThat(refs).as(result.output()).hasSize(1);
    return repository.manifest(refs.get(0));
  }

  private static String dataKey(Manifest manifest) {
    assertThat(manifest.objects()).hasSize(1);
    return manifest.ref().dataPrefix() + manifest.objects().get(0).name();
  }

  private static void assertRestoresToTheSameHash(Path stored, Manifest manifest, String name) {
    Path db = dir.resolve(name + ".db");
    Path restored = dir.resolve(name);
    int peer = Ports.free();
    Shell.run(
        String.join(
            " ",
            "age -d -i",
            keys.identityFile().toString(),
            stored.toString(),
            "| zstd -d -q -o",
            db.toString(),
            "&& ETCDCTL_API=3 etcdctl snapshot restore",
            db.toString(),
            "--data-dir",
            restored.toString(),
            "--name test",
            "--initial-cluster test=http://127.0.0.1:" + peer,
            "--initial-advertise-peer-urls http://127.0.0.1:" + peer));
    long revision = manifest.source(EtcdSource.class).revisionLowerBound();
    try (EtcdServer restoredEtcd = EtcdServer.start(restored)) {
      assertThat(hashKv(restoredEtcd, revision)).isEqualTo(hashKv(etcd, revision));
    }
    assertThat(manifest.objects().get(0).rawSize()).isEqualTo(sizeOf(db));
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String hashKv(EtcdServer server, long revision) {
    String out = server.etcdctl("endpoint", "hashkv", "--rev=" + revision);
    return out.substring(out.lastIndexOf(',') + 1).strip();
  }
}
