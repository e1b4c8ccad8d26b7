package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, typed as an operator would at 3 a.m., through the packaged CLI in its own process:
 * each gets one line on stderr that names what was typed, no Java class names or stack trace, and
 * the exit code docs/cli.md documents.
 */
class CliErrorsIT {
  @TempDir static Path dir;
  static String repository;
  static String notARepository;
  static int closedPort;

  @BeforeAll
  static void anEmptyRepositoryAndADirectoryThatIsNotOne() throws IOException {
    repository = "file://" + dir.resolve("repo");
    assertThat(CliProcess.run(Map.of(), "repo", "init", "--location", repository).exitCode())
        .isZero();
    notARepository = "file://" + Files.createDirectories(dir.resolve("plain"));
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
  }

  private static final Map<String, String> S3_KEYS =
      Map.of("LIFEBOAT_S3_ACCESS_KEY_ID", "id", "LIFEBOAT_S3_SECRET_ACCESS_KEY", "secret");

  static Stream<Arguments> badInputs() {
    String out = "--output-file=" + "/tmp/lifeboat-cli-errors-never-written.db";
    return Stream.of(
        bad(2, "'--frobnicate'", "--frobnicate"),
        bad(2, "'lsit'", "backups", "lsit"),
        bad(2, "'etcd3'", "backups", "list", "--kind", "etcd3", "--location", "@repo"),
        bad(
            2,
            "--scope 'Bad Scope'",
            "backups",
            "list",
            "--scope",
            "Bad Scope",
            "--location",
            "@repo"),
        bad(2, "-o 'xml'", "backups", "list", "-o", "xml", "--location", "@repo"),
        bad(2, "--since", "backups", "list", "--since", "yesterday"),
        bad(2, "--since", "backups", "list", "--since", "-5m"),
        bad(2, "BACKUP", "backups", "describe"),
        bad(2, "'yesterday'", "backups", "describe", "yesterday", "--location", "@repo"),
        bad(2, "--output-file", "backups", "download", "latest"),
        bad(2, "--kind 'volumes'", "backups", "download", "latest", out, "--kind", "volumes"),
        bad(2, "--start-timeout", "backups", "verify", "latest", "--start-timeout", "forever"),
        bad(2, "etcd download' is now 'lifeboat ", "etcd", "download", "--backup", "latest"),
        bad(2, "etcd restore' is now 'lifeboat ", "etcd", "restore", "--backup", "latest"),
        bad(2, "verify' is now 'lifeboat ", "verify", "latest"),
        bad(2, "namespace restore' is now 'lifeboat ", "namespace", "restore"),
        bad(2, "volumes restore' is now 'lifeboat ", "volumes", "restore", "shop"),
        bad(2, "--backup", "restore", "etcd", "--backup", "latest"),
        bad(2, "--namespace", "restore", "volumes", "latest"),
        bad(
            2,
            "--namespace-mapping 'shop'",
            "restore",
            "volumes",
            "latest",
            "--namespace",
            "a",
            "--namespace-mapping",
            "shop"),
        bad(
            2,
            "--namespace-mapping 'x'",
            "restore",
            "namespace",
            "latest",
            "--namespace-mapping",
            "x"),
        bad(2, "--existing 'maybe'", "restore", "namespace", "latest", "--existing", "maybe"),
        bad(2, "--data-dir", "restore", "etcd", "latest"),
        bad(
            2,
            "--etcd-connect-timeout 'soon'",
            "etcd",
            "snapshot",
            "--etcd-connect-timeout",
            "soon"),
        bad(2, "--compression-level 'high'", "etcd", "snapshot", "--compression-level", "high"),
        bad(2, "--etcd-frobnicate", "etcd", "snapshot", "--etcd-frobnicate", "1"),
        bad(2, "'fish'", "completion", "fish"),
        bad(2, "--s3-path-style", "backups", "list", "--s3-path-style", "maybe"),
        bad(2, "'ftp", "backups", "list", "--location", "ftp://example/backups"),
        bad(
            2,
            "'prod_1'",
            "backups",
            "verify",
            "latest",
            "--cluster",
            "prod_1",
            "--location",
            "@repo"),
        bad(5, "lifeboat repo init", "backups", "list", "--location", "@plain"),
        bad(5, "lifeboat repo init", "backups", "list", "--location", "@missing"),
        bad(7, "not found", "backups", "describe", "20261125T181500Z-3f9a", "--location", "@repo"),
        bad(
            7,
            "no etcd backup",
            "backups",
            "download",
            "latest",
            out,
            "--cluster",
            "prod",
            "--location",
            "@repo"),
        bad(
            4,
            "connection refused",
            "etcd",
            "snapshot",
            "--cluster",
            "prod",
            "--location",
            "@repo",
            "--etcd-endpoints",
            "@refused",
            "--etcd-connect-timeout",
            "20s"),
        env(
            5,
            "connection refused",
            S3_KEYS,
            "backups",
            "list",
            "--location",
            "s3://bucket/dr",
            "--s3-endpoint",
            "@refused",
            "--s3-path-style",
            "true"),
        bad(2, "--backup is gone", "restore", "namespace", "--backup", "latest"),
        bad(
            2,
            "--etcd-endpoints '127.0.0.1:2379': write http(s)://host:port[,...]",
            "etcd",
            "snapshot",
            "--etcd-endpoints",
            "127.0.0.1:2379"),
        bad(
            2,
            "--etcd-endpoints 'localhost:2379': write http(s)://host:port[,...]",
            "etcd",
            "snapshot",
            "--cluster",
            "prod",
            "--location",
            "@repo",
            "--etcd-endpoints",
            "localhost:2379"),
        env(
            2,
            "LIFEBOAT_ETCD_ENDPOINTS '127.0.0.1:2379' (lifeboat.etcd.endpoints): write http(s)://",
            Map.of("LIFEBOAT_ETCD_ENDPOINTS", "127.0.0.1:2379"),
            "etcd",
            "snapshot"),
        bad(
            2,
            "--export-shard '3/2': the index is 0-based",
            "namespace",
            "export",
            "--shard",
            "3/2",
            "--cluster",
            "prod",
            "--location",
            "@repo"),
        env(
            2,
            "LIFEBOAT_EXPORT_SHARD (lifeboat.export.shard) 'a/b': write INDEX/COUNT",
            Map.of("LIFEBOAT_EXPORT_SHARD", "a/b"),
            "namespace",
            "export",
            "--cluster",
            "prod",
            "--location",
            "@repo"),
        env(
            2,
            "LIFEBOAT_ETCD_CONNECT_TIMEOUT 'soon'",
            Map.of("LIFEBOAT_ETCD_CONNECT_TIMEOUT", "soon"),
            "etcd",
            "snapshot"),
        env(
            2,
            "LIFEBOAT_COMPRESSION_LEVEL 'max'",
            Map.of("LIFEBOAT_COMPRESSION_LEVEL", "max"),
            "backups",
            "list",
            "--location",
            "@repo"));
  }

  private static Arguments bad(int exit, String names, String... args) {
    return env(exit, names, Map.of(), args);
  }

  private static Arguments env(int exit, String names, Map<String, String> env, String... args) {
    return Arguments.of(String.join(" ", args), exit, names, env, args);
  }

  @ParameterizedTest(name = "lifeboat {0} -> exit {1}, one line naming {2}")
  @MethodSource("badInputs")
  void badInputGetsOneActionableLineAndTheDocumentedExitCode(
      String shown, int exit, String names, Map<String, String> env, String[] args) {
    CliProcess.Result result = CliProcess.run(new HashMap<>(env), resolve(args));

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(exit);
    String error = result.stderr().strip();
    assertThat(error.lines()).as(error).hasSize(1);
    assertThat(error).startsWith("lifeboat: ").contains(names);
    assertThat(error).doesNotContain("java.", "Exception", "SRCFG", "\tat ");
    assertThat(Path.of("/tmp/lifeboat-cli-errors-never-written.db")).doesNotExist();
  }

  private static String[] resolve(String[] args) {
    List<String> resolved = new ArrayList<>();
    for (String arg : args) {
      resolved.add(
          switch (arg) {
            case "@repo" -> repository;
            case "@plain" -> notARepository;
            case "@missing" -> "file://" + dir.resolve("missing");
            case "@refused" -> "http://127.0.0.1:" + closedPort;
            default -> arg;
          });
    }
    return resolved.toArray(String[]::new);
  }
}
