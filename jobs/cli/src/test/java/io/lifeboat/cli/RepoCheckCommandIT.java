package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.export.MockCluster;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.Ports;
import io.lifeboat.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifeboat repo check} (and the protections {@code repo init} prints), as a person runs it:
 * one table line per finding with OK, WARN, FAIL or SKIP, and the documented exit code.
 */
class RepoCheckCommandIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir Path dir;

  /** A table line: the check's name, its status, then the detail starting with {@code detail}. */
  private static Pattern line(String name, String status, String detail) {
    return Pattern.compile(
        "(?m)^" + Pattern.quote(name) + " +" + status + " +" + Pattern.quote(detail));
  }

  private Map<String, String> fileRepository() {
    Map<String, String> env =
        new HashMap<>(Map.of("LIFEBOAT_LOCATION", "file://" + dir.resolve("repo")));
    assertThat(CliProcess.run(env, "repo", "init").exitCode()).isZero();
    return env;
  }

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
    String key = S3.accessKey();
    assertThat(check.stdout())
        .startsWith("CHECK ")
        .containsPattern(line("descriptor", "OK", "format 1"))
        .containsPattern(line("conditional writes", "OK", "honoured"))
        .containsPattern(line("versioning", "WARN", ""))
        .containsPattern(line("object lock", "WARN", ""))
        .containsPattern(line("put-only identity", "WARN", "CAN OVERWRITE"))
        .containsPattern(
            line(
                "store identity",
                "OK",
                "access key ****"
                    + key.substring(key.length() - 4)
                    + " (LIFEBOAT_S3_ACCESS_KEY_ID): LIST, PUT and DELETE proven"))
        .containsPattern(line("etcd", "SKIP", "not configured"))
        .containsPattern(line("kubernetes api", "SKIP", "no kubeconfig"))
        .doesNotContain(key)
        .doesNotContain(S3.secretKey());
    assertThat(strict.exitCode()).isEqualTo(3);
    assertThat(strict.stdout()).containsPattern(line("put-only identity", "FAIL", "CAN OVERWRITE"));
  }

  @Test
  void aLocationWithoutRepositoryExitsFiveAndGetsNoScratchObject() {
    var check = CliProcess.run(Map.of(), "repo", "check", "--location", "file://" + dir);

    assertThat(check.exitCode()).as(check.stderr()).isEqualTo(5);
    assertThat(check.stdout())
        .containsPattern(line("descriptor", "FAIL", "not usable"))
        .contains("repo init")
        .containsPattern(line("versioning", "WARN", "disabled (a directory keeps no versions)"))
        .containsPattern(line("store identity", "SKIP", "file store, local user"));
    assertThat(dir.resolve("claims")).doesNotExist();
  }

  @Test
  void aLiveEtcdIsOkWithItsVersionAndARefusedOneFailsWithExitFour() {
    Map<String, String> env = fileRepository();
    String refused = "http://127.0.0.1:" + Ports.free();
    try (EtcdServer etcd = EtcdServer.start(dir.resolve("etcd"))) {
      var up = CliProcess.run(env, "repo", "check", "--etcd-endpoints", etcd.endpoint().toString());
      var down = CliProcess.run(env, "repo", "check", "--etcd-endpoints", refused);

      assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isZero();
      assertThat(up.stdout())
          .containsPattern(line("etcd " + etcd.endpoint(), "OK", "etcd 3."))
          .contains("(leader), db ")
          .containsPattern(line("store identity", "OK", "file store, local user "));
      assertThat(down.exitCode()).as(down.stdout() + down.stderr()).isEqualTo(4);
      assertThat(down.stdout())
          .containsPattern(line("etcd " + refused, "FAIL", "etcd status from"));
      assertThat(down.stdout()).contains("connection refused").contains("--etcd-endpoints)");
    }
  }

  @Test
  void withAKubeconfigTheApiServerIsCheckedAndWhatTheMockCannotAnswerIsAWarning()
      throws IOException {
    Map<String, String> env = fileRepository();
    try (MockCluster cluster = new MockCluster()) {
      Path kubeconfig =
          Files.writeString(
              dir.resolve("kubeconfig"),
              String.join(
                  "\n",
                  "apiVersion: v1",
                  "kind: Config",
                  "clusters:",
                  "- name: mock",
                  "  cluster:",
                  "    server: " + cluster.client.getMasterUrl(),
                  "users:",
                  "- name: operator",
                  "  user:",
                  "    token: not-a-real-token",
                  "contexts:",
                  "- name: mock",
                  "  context: {cluster: mock, user: operator}",
                  "current-context: mock",
                  ""));
      env.put("KUBECONFIG", kubeconfig.toString());

      var check = CliProcess.run(env, "repo", "check");

      assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
      assertThat(check.stdout())
          .containsPattern(line("kubernetes api", "OK", cluster.client.getMasterUrl().toString()))
          .contains("can list namespaces")
          .containsPattern(line("kubernetes user", "WARN", "unknown"))
          .containsPattern(line("kubernetes rbac", "WARN", "could not determine"))
          .doesNotContain("not-a-real-token");
    }
  }
}
