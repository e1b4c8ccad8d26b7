package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.testing.S3ProxyServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifeboat repo check} (and the protections {@code repo init} prints), as a person runs it.
 */
class RepoCheckCommandIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir Path dir;

  @Test
  void onS3ProxyItReportsEverythingAndExitsZeroOrThreeWhenProtectionIsRequired() {
    Map<String, String> env =
        Map.of(
            "LIFEBOAT_LOCATION", "s3://" + S3.createBucket() + "/dr",
            "LIFEBOAT_S3_ENDPOINT", S3.endpoint().toString(),
            "LIFEBOAT_S3_PATH_STYLE", "true",
            "LIFEBOAT_S3_ACCESS_KEY_ID", S3.accessKey(),
            "LIFEBOAT_S3_SECRET_ACCESS_KEY", S3.secretKey());
    var init = CliProcess.run(env, "repo", "init");
    var check = CliProcess.run(env, "repo", "check");
    var strict = CliProcess.run(env, "repo", "check", "--require-protection");

    assertThat(init.exitCode()).as(init.stderr()).isZero();
    assertThat(init.stdout()).contains("versioning:").contains("object lock:");
    assertThat(check.exitCode()).as(check.stderr()).isZero();
    assertThat(check.stdout())
        .contains("descriptor:         format 1")
        .contains("conditional writes: honoured")
        .contains("versioning:")
        .contains("object lock:")
        .contains("put-only identity:  CAN OVERWRITE");
    assertThat(strict.exitCode()).isEqualTo(3);
  }

  @Test
  void aLocationWithoutRepositoryExitsFive() {
    var check = CliProcess.run(Map.of(), "repo", "check", "--location", "file://" + dir);

    assertThat(check.exitCode()).as(check.stderr()).isEqualTo(5);
    assertThat(check.stdout()).contains("descriptor:         not usable").contains("repo init");
    assertThat(check.stdout())
        .contains("versioning:         disabled (a directory keeps no versions)");
  }
}
