package io.lifeboat.jobs.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.export.MockCluster;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.restore.namespace.FanOutExports;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.JobProcess;
import io.lifeboat.testing.JobProcess.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged restore job with {@code LIFEBOAT_RESTORE_NAMESPACES}: every namespace with a backup
 * matching the glob, restored into another cluster a bounded number at a time, one report each; a
 * refused object makes its namespace partial and the job exit 3, the others restore completely.
 */
class NamespaceRestoreFanOutJobIT {
  @TempDir Path dir;
  private Path repo;
  private MockCluster source;
  private MockCluster target;

  @BeforeEach
  void start() throws IOException {
    repo = dir.resolve("repo");
    FileObjectStore.createRoot(repo).close();
    Clock clock = Clock.systemUTC();
    FileObjectStore store = new FileObjectStore(repo);
    new RepositoryInitializer(store, clock).init(Set.of());
    source = new MockCluster();
    target = new MockCluster();
    FanOutExports.exportOneConfigMapEach(
        source,
        store,
        clock,
        new ClusterName("prod"),
        List.of("team-a", "team-b", "team-c", "other"));
  }

  @AfterEach
  void stop() {
    target.close();
    source.close();
  }

  @Test
  void everyMatchingNamespaceIsRestoredAndOneRefusedObjectMakesTheJobExitThree() {
    target.dispatcher.refuseCreate(
        "/api/v1/namespaces/team-b/configmaps", "settings", 403, "Forbidden", "denied");

    Result result =
        run(
            Map.of(
                "LIFEBOAT_RESTORE_NAMESPACES", "team-*",
                "LIFEBOAT_RESTORE_PARALLEL_NAMESPACES", "2"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    for (String namespace : List.of("team-a", "team-c")) {
      assertThat(target.client.configMaps().inNamespace(namespace).withName("settings").get())
          .as(namespace)
          .isNotNull();
    }
    assertThat(target.client.configMaps().inNamespace("team-b").withName("settings").get())
        .isNull();
    assertThat(target.client.namespaces().withName("other").get()).isNull();
    assertThat(result.output())
        .contains("restored 2 of 3 namespaces matching 'team-*' completely; 1 with failures");
  }

  @Test
  void aDryRunPrintsEachMatchingNamespacesPlanAndWritesNothing() {
    Result result =
        run(Map.of("LIFEBOAT_RESTORE_NAMESPACES", "team-*", "LIFEBOAT_RESTORE_DRY_RUN", "true"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().split("restore plan ", -1)).hasSize(4);
    assertThat(result.output())
        .contains("prod/team-a")
        .contains("prod/team-b")
        .contains("prod/team-c")
        .doesNotContain("prod/other");
    assertThat(target.client.namespaces().list().getItems()).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}: exit 2 naming {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LIFEBOAT_RESTORE_PARALLEL_NAMESPACES | 0   | LIFEBOAT_RESTORE_PARALLEL_NAMESPACES",
        "LIFEBOAT_RESTORE_PARALLEL_NAMESPACES | two | LIFEBOAT_RESTORE_PARALLEL_NAMESPACES",
        "LIFEBOAT_RESTORE_NAMESPACE           | team-a | LIFEBOAT_RESTORE_NAMESPACE",
        "LIFEBOAT_RESTORE_BACKUP | 20261125T181500Z-3f9a | LIFEBOAT_RESTORE_BACKUP"
      })
  void aBadSettingBesideTheGlobExitsTwoWithOneLineNamingIt(
      String variable, String value, String named) {
    Map<String, String> env = new HashMap<>(Map.of("LIFEBOAT_RESTORE_NAMESPACES", "team-*"));
    env.put(variable, value);
    // Checked before the repository is opened: this location does not exist.
    env.put("LIFEBOAT_LOCATION", "file://" + dir.resolve("no-such-repository"));
    Result result = run(env);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output()).contains(named).doesNotContain("\tat ");
    assertThat(target.client.namespaces().list().getItems()).isEmpty();
  }

  private Result run(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", target.client.getMasterUrl().toString());
    env.put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
    env.putAll(extra);
    return JobProcess.run(env);
  }
}
