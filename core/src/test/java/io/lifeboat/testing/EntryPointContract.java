package io.lifeboat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every packaged entry point (job image, function app) must do with its command line, run as a
 * separate process ({@link JobProcess}): {@code --help} prints usage and the configuration
 * reference and exits 0, any other argument exits 2 on one line naming it, and neither touches
 * anything. The environment is a complete, live-looking config: etcd, the API server and the
 * Pushgateway all point at one watched loopback port, the location at an existing directory; a run
 * would connect or write, so an entry point that ran despite the arguments fails the test.
 */
public abstract class EntryPointContract {
  @TempDir protected Path dir;
  private ServerSocket watched;
  private Path repository;

  /** The name the usage line starts with, e.g. {@code lifeboat-etcd-snapshot}. */
  protected abstract String name();

  /** Environment variables the configuration reference must name. */
  protected abstract List<String> variables();

  @BeforeEach
  void watchThePortEverythingPointsAt() throws IOException {
    watched = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    repository = Files.createDirectories(dir.resolve("repository"));
  }

  @AfterEach
  void closeThePort() throws IOException {
    watched.close();
  }

  private Map<String, String> liveLookingConfig() {
    String url = "http://127.0.0.1:" + watched.getLocalPort();
    return Map.of(
        "LIFEBOAT_CLUSTER",
        "prod",
        "LIFEBOAT_LOCATION",
        "file://" + repository,
        "LIFEBOAT_ETCD_ENDPOINTS",
        url,
        "LIFEBOAT_METRICS_PUSHGATEWAY_URL",
        url,
        "KUBERNETES_MASTER",
        url,
        "KUBECONFIG",
        dir.resolve("no-kubeconfig").toString(),
        "QUARKUS_HTTP_PORT",
        "0");
  }

  @Test
  void helpPrintsUsageAndTheConfigurationReferenceAndExitsZeroWithoutTouchingAnything()
      throws IOException {
    JobProcess.Result result = JobProcess.run(liveLookingConfig(), "--help");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).startsWith("Usage: " + name());
    assertThat(result.output()).contains("LIFEBOAT_LOCATION", "LIFEBOAT_CLUSTER");
    assertThat(result.output()).contains(variables());
    assertNothingWasTouched();
  }

  @ParameterizedTest(name = "''{0}'' exits 2 on one line naming it")
  @ValueSource(strings = {"--frobnicate", "latest", "--location=file:///elsewhere", "-v"})
  void anUnknownArgumentExitsTwoOnOneLineNamingItWithoutTouchingAnything(String argument)
      throws IOException {
    JobProcess.Result result = JobProcess.run(liveLookingConfig(), argument);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output().strip()).doesNotContain("\n").contains("'" + argument + "'");
    assertThat(result.output()).doesNotContain("java.", "Exception");
    assertNothingWasTouched();
  }

  @Test
  void aBadValueInTheEnvironmentExitsTwoOnOneLineNamingTheVariable() throws IOException {
    Map<String, String> env = new java.util.HashMap<>(liveLookingConfig());
    env.put("LIFEBOAT_COMPRESSION_LEVEL", "max");
    JobProcess.Result result = JobProcess.run(env);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output().strip())
        .doesNotContain("\n")
        .contains("LIFEBOAT_COMPRESSION_LEVEL 'max'")
        .doesNotContain("java.", "Exception", "SRCFG");
    assertNothingWasTouched();
  }

  private void assertNothingWasTouched() throws IOException {
    try (Stream<Path> written = Files.list(repository)) {
      assertThat(written).as("files written to the location").isEmpty();
    }
    // A connection made during the run waits in the backlog; accept returns it at once.
    watched.setSoTimeout(1);
    try (Socket unexpected = watched.accept()) {
      throw new AssertionError("the entry point connected to " + watched.getLocalSocketAddress());
    } catch (SocketTimeoutException expected) {
      // nobody connected
    }
  }
}
