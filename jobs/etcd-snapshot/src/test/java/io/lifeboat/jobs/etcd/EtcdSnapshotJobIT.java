package io.lifeboat.jobs.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.AgeKeys;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.JobProcess;
import io.lifeboat.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged CronJob app: exit codes, one-line errors, slots, SIGKILL, and no secret in its
 * output.
 */
class EtcdSnapshotJobIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir static Path dir;
  static EtcdServer etcd;
  static Path repo;

  @BeforeAll
  static void start() throws Exception {
    etcd = EtcdServer.start(dir.resolve("etcd"));
    etcd.fill("/registry/configmaps/default/cm-", 500, 512);
    repo = dir.resolve("repo");
    FileObjectStore.createRoot(repo).close();
    new io.lifeboat.repository.RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC())
        .init(java.util.Set.of());
  }

  @AfterAll
  static void stop() {
    etcd.close();
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("LIFEBOAT_ETCD_ENDPOINTS", etcd.endpoint().toString());
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        env.remove(pairs[i]);
      } else {
        env.put(pairs[i], pairs[i + 1]);
      }
    }
    return env;
  }

  @Test
  void aScheduledRunClaimsItsSlotAndASecondRunOfTheSameJobIsSkipped() {
    var first = JobProcess.run(env("LIFEBOAT_JOB_NAME", "etcd-snapshot-29399520"));
    var second = JobProcess.run(env("LIFEBOAT_JOB_NAME", "etcd-snapshot-29399520"));

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("skipped");
    assertThat(Files.exists(repo.resolve("claims/etcd/prod/20251124T0800Z"))).isTrue();
  }

  @ParameterizedTest(name = "{0}={1} exits {2} naming {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LIFEBOAT_CLUSTER|           | 2 | lifeboat.cluster",
        "LIFEBOAT_CLUSTER| Prod_EU   | 2 | lifeboat.cluster",
        "LIFEBOAT_LOCATION| ftp://x  | 2 | lifeboat.location",
        "LIFEBOAT_SCHEDULE| 61 * * * * | 2 | lifeboat.schedule",
        "LIFEBOAT_SCHEDULE_TIME_ZONE| Mars/Olympus | 2 | lifeboat.schedule-time-zone",
        "LIFEBOAT_AGE_RECIPIENTS| age1notakey | 2 | lifeboat.age.recipients",
        "LIFEBOAT_AGE_RECIPIENTS_FILE| /nonexistent/recipients.txt | 2 | lifeboat.age.recipients-file",
        "LIFEBOAT_ETCD_DEADLINE| soon | 2 | lifeboat.etcd.deadline",
        "LIFEBOAT_ETCD_ENDPOINTS| 127.0.0.1:2379 | 2 | lifeboat.etcd.endpoints",
        "LIFEBOAT_S3_PATH_STYLE| maybe | 2 | lifeboat.s3.path-style",
        "LIFEBOAT_ETCD_CA_FILE| /nonexistent/ca.crt | 2 | lifeboat.etcd.ca-file",
      })
  void badInputExitsWithOneLineNamingTheField(String name, String value, int code, String field) {
    var result = JobProcess.run(env(name, value == null ? "" : value));
    assertThat(result.exitCode()).as(result.output()).isEqualTo(code);
    String error =
        result.output().lines().filter(l -> l.startsWith("lifeboat: ")).findFirst().orElse("");
    assertThat(error).as(result.output()).contains(field);
    assertThat(result.output()).doesNotContain("\tat ");
  }

  @Test
  void recipientsThatDoNotMatchTheRepositoryExitTwo() {
    AgeKeys keys = AgeKeys.generate(dir);
    var result = JobProcess.run(env("LIFEBOAT_AGE_RECIPIENTS", keys.recipient()));
    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output()).contains("lifeboat.age.recipients");
  }

  @Test
  void wrongS3CredentialsExitFiveWithoutPrintingTheSecret() {
    String bucket = S3.createBucket();
    String secret = "wrong-secret-" + System.nanoTime();
    var result =
        JobProcess.run(
            env(
                "LIFEBOAT_LOCATION",
                "s3://" + bucket + "/dr",
                "LIFEBOAT_S3_ENDPOINT",
                S3.endpoint().toString(),
                "LIFEBOAT_S3_PATH_STYLE",
                "true",
                "LIFEBOAT_S3_ACCESS_KEY_ID",
                S3.accessKey(),
                "LIFEBOAT_S3_SECRET_ACCESS_KEY",
                secret));
    assertThat(result.exitCode()).as(result.output()).isEqualTo(5);
    assertThat(result.output()).contains("access denied").doesNotContain(secret);
  }

  @Test
  void aMissingBucketExitsFiveNamingIt() {
    var result =
        JobProcess.run(
            env(
                "LIFEBOAT_LOCATION", "s3://no-such-bucket/dr",
                "LIFEBOAT_S3_ENDPOINT", S3.endpoint().toString(),
                "LIFEBOAT_S3_PATH_STYLE", "true",
                "LIFEBOAT_S3_ACCESS_KEY_ID", S3.accessKey(),
                "LIFEBOAT_S3_SECRET_ACCESS_KEY", S3.secretKey()));
    assertThat(result.exitCode()).as(result.output()).isEqualTo(5);
    assertThat(result.output()).contains("no-such-bucket").doesNotContain(S3.secretKey());
  }

  @Test
  void etcdDownExitsFour() {
    var result =
        JobProcess.run(
            env(
                "LIFEBOAT_ETCD_ENDPOINTS",
                "http://127.0.0.1:" + io.lifeboat.testing.Ports.free(),
                "LIFEBOAT_ETCD_CONNECT_TIMEOUT",
                "2s"));
    assertThat(result.exitCode()).as(result.output()).isEqualTo(4);
  }

  @Test
  void aJobKilledMidUploadLeavesNoCatalogEntry() throws Exception {
    try (EtcdServer big = EtcdServer.start(dir.resolve("big"))) {
      big.fill("/registry/secrets/default/s-", 6_000, 16 * 1024);
      Path killRepo = dir.resolve("kill-repo");
      new io.lifeboat.repository.RepositoryInitializer(
              FileObjectStore.createRoot(killRepo), Clock.systemUTC())
          .init(java.util.Set.of());
      Map<String, String> env =
          env(
              "LIFEBOAT_ETCD_ENDPOINTS",
              big.endpoint().toString(),
              "LIFEBOAT_ETCD_BUFFER_CHUNKS",
              "2");
      env.put("LIFEBOAT_LOCATION", "file://" + killRepo);
      Process job =
          JobProcess.builder(env).redirectOutput(dir.resolve("killed.log").toFile()).start();

      await("an upload in progress")
          .atMost(Duration.ofMinutes(2))
          .until(() -> tempFiles(killRepo) > 0);
      job.destroyForcibly().waitFor();

      assertThat(job.exitValue()).isEqualTo(137);
      assertThat(
              new Repository(new FileObjectStore(killRepo), Clock.systemUTC())
                  .list(Kind.ETCD, null))
          .isEmpty();
    }
  }

  private static long tempFiles(Path root) throws Exception {
    if (!Files.exists(root.resolve("data"))) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root.resolve("data"))) {
      return files.filter(p -> p.getFileName().toString().contains(".tmp-")).count();
    }
  }
}
