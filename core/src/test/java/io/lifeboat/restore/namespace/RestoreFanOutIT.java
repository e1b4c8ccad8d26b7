package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    for (String namespace : namespaces) {
      source
          .client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      source
          .client
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("settings")
                  .endMetadata()
                  .withData(Map.of("k", namespace))
                  .build())
          .create();
    }
    var template =
        new ExportRequest(
            source.client,
            new Repository(Repository.backupView(store), clock),
            Scope.namespace(prod, "template"),
            null,
            Selection.all().withResources(List.of("configmaps"), List.of()),
            Encoding.of(AgeRecipients.none()));
    new NamespaceExporter().exportSelected(template, "test", Duration.ofMinutes(10));
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
