package io.lifeboat.restore.namespace;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the restore fan-out tests (core's and the packaged job's) restore: namespaces on {@code
 * source} with one ConfigMap {@code settings} each ({@code k} = the namespace's name), exported
 * into {@code store} as backups of {@code cluster}.
 */
public final class FanOutExports {
  private FanOutExports() {}

  public static void exportOneConfigMapEach(
      MockCluster source,
      ObjectStore store,
      Clock clock,
      ClusterName cluster,
      List<String> namespaces) {
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
            Scope.namespace(cluster, "template"),
            null,
            Selection.all().withResources(List.of("configmaps"), List.of()),
            Encoding.of(AgeRecipients.none()));
    new NamespaceExporter().exportSelected(template, "test", Duration.ofMinutes(10));
  }
}
