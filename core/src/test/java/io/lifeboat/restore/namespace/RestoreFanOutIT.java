package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.codec.Decoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.export.MockCluster;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code restore namespace latest --namespaces 'team-*'}: the namespaces with backups matching the
 * glob, each restored into another cluster by its own worker; one refused object makes that
 * namespace's report partial and the whole exit 3, the others restore completely.
 */
class RestoreFanOutIT {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  final ClusterName prod = new ClusterName("prod");

  private void exportFrom(MockCluster source, List<String> namespaces) {
    FanOutExports.exportOneConfigMapEach(source, store, clock, prod, namespaces);
  }

  @Test
  void everyMatchingNamespaceIsRestoredByItsOwnWorkerAndOneRefusalMakesItPartial() {
    try (MockCluster source = new MockCluster();
        MockCluster target = new MockCluster()) {
      exportFrom(source, List.of("team-a", "team-b", "team-c", "other"));
      target.dispatcher.refuseCreate(
          "/api/v1/namespaces/team-b/configmaps", "settings", 403, "Forbidden", "denied");
      Repository repository = new Repository(store, clock);
      NamespaceRestorer restorer = new NamespaceRestorer(repository, target.client);

      List<String> names = RestoreFanOut.namespaces(repository, prod, "team-*");
      var outcomes =
          RestoreFanOut.run(
              names,
              2,
              namespace -> {
                var backup =
                    repository.resolve(Kind.NAMESPACE, Scope.namespace(prod, namespace), "latest");
                var request =
                    new RestoreRequest(
                        backup,
                        null,
                        Decoding.withoutIdentities(),
                        RestoreFixture.fastOptions(),
                        "test");
                try (RestorePlan plan = restorer.plan(request)) {
                  return restorer.execute(plan);
                }
              },
              o -> {});

      assertThat(names).containsExactly("team-a", "team-b", "team-c");
      assertThat(outcomes).allSatisfy(o -> assertThat(o.report()).isNotNull());
      assertThat(outcomes.get(1).exitCode()).isEqualTo(ExitCode.PARTIAL);
      assertThat(RestoreFanOut.exitCode(outcomes)).isEqualTo(ExitCode.PARTIAL);
      for (String namespace : List.of("team-a", "team-c")) {
        assertThat(target.client.configMaps().inNamespace(namespace).withName("settings").get())
            .as(namespace)
            .isNotNull();
      }
      assertThat(target.client.namespaces().withName("other").get()).isNull();
    }
  }
}
