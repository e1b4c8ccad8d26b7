package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.etcd.EtcdSettings;
import io.lifeboat.etcd.EtcdSnapshotter;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Repository;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifeboat repo init}, {@code backups list} and {@code backups describe}, as a person runs
 * them.
 */
class RepositoryCommandsIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir Path dir;

  private Map<String, String> s3Env(String bucket) {
    return Map.of(
        "LIFEBOAT_LOCATION", "s3://" + bucket + "/dr",
        "LIFEBOAT_S3_ENDPOINT", S3.endpoint().toString(),
        "LIFEBOAT_S3_PATH_STYLE", "true",
        "LIFEBOAT_S3_ACCESS_KEY_ID", S3.accessKey(),
        "LIFEBOAT_S3_SECRET_ACCESS_KEY", S3.secretKey());
  }

  @Test
  void repoInitProbesS3ProxyAndCreatesTheDescriptorOnce() {
    Map<String, String> env = s3Env(S3.createBucket());
    var first = CliProcess.run(env, "repo", "init");
    var second = CliProcess.run(env, "repo", "init");

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("created repository at s3://");
    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(second.stdout()).contains("already exists");
  }

  @Test
  void repoInitCreatesAFileLocationThatDoesNotExistYet() {
    Path location = dir.resolve("new/repo");
    var result = CliProcess.run(Map.of(), "repo", "init", "--location", "file://" + location);
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(location.resolve("lifeboat.json")).exists();
  }

  @Test
  void listAndDescribeShowACommittedBackup() {
    Path location = dir.resolve("repo");
    assertThat(
            CliProcess.run(Map.of(), "repo", "init", "--location", "file://" + location).exitCode())
        .isZero();
    String id = snapshotInto(location);

    var table = CliProcess.run(Map.of(), "backups", "list", "--location", "file://" + location);
    var json =
        CliProcess.run(
            Map.of(),
            "backups",
            "list",
            "-o",
            "json",
            "--kind",
            "etcd",
            "--location",
            "file://" + location);
    var describe =
        CliProcess.run(Map.of(), "backups", "describe", id, "--location", "file://" + location);

    assertThat(table.exitCode()).as(table.stderr()).isZero();
    assertThat(table.stdout().lines().findFirst().orElseThrow())
        .matches("ID +KIND +SCOPE +CREATED +SIZE +DURATION +STATUS");
    assertThat(table.stdout()).contains("etcd").contains("prod").contains(id);
    assertThat(table.stdout().lines().skip(1).findFirst().orElseThrow())
        .matches(
            ".*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(\\d+[smhd] ago\\) +[0-9.]+ (B|KiB|MiB)"
                + " +\\d+\\.\\d s +complete");
    var yaml =
        CliProcess.run(
            Map.of(),
            "backups",
            "list",
            "-o",
            "yaml",
            "--since",
            "1h",
            "--location",
            "file://" + location);
    assertThat(yaml.stdout()).contains("- id: \"" + id + "\"").contains("status: \"complete\"");
    var latest =
        CliProcess.run(
            Map.of(),
            "backups",
            "describe",
            "latest",
            "--kind",
            "etcd",
            "--location",
            "file://" + location);
    assertThat(latest.stdout()).contains(id);
    JsonNode listed = Json.read(json.stdout().getBytes(), JsonNode.class, "stdout");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
    assertThat(describe.exitCode()).as(describe.stderr()).isZero();
    assertThat(describe.stdout())
        .contains("Backup:")
        .contains("snapshot.db.zst")
        .contains("revisionLowerBound");
  }

  @Test
  void listShowsAForgedEntryAsInvalidWithTheReasonAndDescribeRefusesIt() throws Exception {
    Path location = dir.resolve("repo");
    CliProcess.run(Map.of(), "repo", "init", "--location", "file://" + location);
    String id = snapshotInto(location);
    String forged = "20200101T000000Z-dead";
    Path data = location.resolve("data/etcd/prod/" + forged + "/snapshot.db.zst");
    java.nio.file.Files.createDirectories(data.getParent());
    java.nio.file.Files.writeString(data, "payload");
    java.nio.file.Files.writeString(
        location.resolve("catalog/etcd/prod/" + forged + ".json"), "not json");
    java.nio.file.Files.setLastModifiedTime(
        location.resolve("catalog/etcd/prod/" + forged + ".json"),
        java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-01T00:01:00Z")));

    var table = CliProcess.run(Map.of(), "backups", "list", "--location", "file://" + location);
    var describe =
        CliProcess.run(Map.of(), "backups", "describe", forged, "--location", "file://" + location);

    assertThat(table.exitCode()).as(table.stderr()).isZero();
    assertThat(table.stdout())
        .contains("STATUS")
        .containsPattern(id + " .* complete")
        .containsPattern(forged + " .* invalid: not a manifest");
    assertThat(describe.exitCode()).isEqualTo(6);
    assertThat(describe.stderr()).contains("is not valid: not a manifest");
  }

  @Test
  void describingAnUnknownIdExitsSevenAndABadIdExitsTwo() {
    Path location = dir.resolve("repo");
    CliProcess.run(Map.of(), "repo", "init", "--location", "file://" + location);
    var unknown =
        CliProcess.run(
            Map.of(),
            "backups",
            "describe",
            "20261125T181500Z-3f9a",
            "--location",
            "file://" + location);
    var bad =
        CliProcess.run(
            Map.of(), "backups", "describe", "yesterday", "--location", "file://" + location);
    var badKind =
        CliProcess.run(
            Map.of(), "backups", "list", "--kind", "etcd3", "--location", "file://" + location);

    assertThat(unknown.exitCode()).isEqualTo(7);
    assertThat(unknown.stderr()).contains("20261125T181500Z-3f9a").contains("not found");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.stderr()).contains("yesterday");
    assertThat(badKind.exitCode()).isEqualTo(2);
    assertThat(badKind.stderr()).contains("etcd3");
  }

  @Test
  void anUnknownOptionExitsTwoWithOneLine() {
    var result = CliProcess.run(Map.of(), "backups", "list", "--colour");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().strip().lines()).hasSize(1);
  }

  private String snapshotInto(Path location) {
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("etcd"))) {
      etcd.fill("/registry/configmaps/default/cm-", 10, 100);
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
              Duration.ofMinutes(1));
      var repository = new Repository(new FileObjectStore(location), Clock.systemUTC());
      return new EtcdBackup(repository, new EtcdSnapshotter(settings, Clock.systemUTC(), 16))
          .run(
              new EtcdBackup.Request(
                  new ClusterName("prod"),
                  new RunTrigger.Manual("test"),
                  Encoding.of(AgeRecipients.none()),
                  null,
                  "test",
                  Duration.ofMinutes(5)))
          .orThrow()
          .committed()
          .orElseThrow()
          .id();
    }
  }
}
