package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.export.ShopFixtures;
import io.lifeboat.kube.ApiType;
import io.lifeboat.kube.Discovery;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The shop namespace in a CRUD mock, exported into an in-memory repository, ready to restore. */
final class RestoreFixture implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  final Repository repository = new Repository(store, clock);
  final MockCluster cluster = new MockCluster();
  final BackupRef backup;

  RestoreFixture() {
    cluster.dispatcher.establishCustomResourceDefinitions();
    new ShopFixtures(cluster.client).create();
    backup =
        new NamespaceExporter()
            .export(
                new ExportRequest(
                    cluster.client,
                    new Repository(Repository.backupView(store), clock),
                    Scope.namespace(new ClusterName("prod"), ShopFixtures.NS),
                    null,
                    Selection.all(),
                    Encoding.of(AgeRecipients.none())))
            .backup();
  }

  static RestoreOptions fastOptions() {
    return RestoreOptions.defaults()
        .withWaits(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(10));
  }

  NamespaceRestorer restorer() {
    return new NamespaceRestorer(repository, cluster.client);
  }

  RestoreRequest request(RestoreOptions options) {
    return new RestoreRequest(backup, null, Decoding.withoutIdentities(), options, "test");
  }

  RestoreReport restore(RestoreOptions options) {
    NamespaceRestorer restorer = restorer();
    return restorer.execute(restorer.plan(request(options)));
  }

  /**
   * What deleting the namespace does on a real cluster (the mock does not cascade): every object in
   * it goes, and with it the cluster-scoped objects the backup holds.
   */
  void deleteNamespaceAndItsClusterObjects(RestorePlan plan) {
    for (ApiType type : Discovery.discover(cluster.client).types()) {
      if (type.namespaced()) {
        var objects =
            cluster.client.genericKubernetesResources(type.context()).inNamespace(ShopFixtures.NS);
        for (GenericKubernetesResource o : objects.list().getItems()) {
          objects.withName(o.getMetadata().getName()).delete();
        }
      }
    }
    for (PlannedObject o : plan.objects()) {
      if (o.archived().clusterScoped()) {
        cluster
            .client
            .genericKubernetesResources(context(o))
            .withName(o.archived().name())
            .delete();
      }
    }
  }

  /** The live object, or null. */
  ObjectNode live(PlannedObject o) {
    var op = cluster.client.genericKubernetesResources(context(o));
    GenericKubernetesResource found =
        o.namespace() == null
            ? op.withName(o.name()).get()
            : op.inNamespace(o.namespace()).withName(o.name()).get();
    return found == null ? null : (ObjectNode) Json.MAPPER.valueToTree(found);
  }

  static io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context(PlannedObject o) {
    String type = o.typeDirectory();
    int dot = type.indexOf('.');
    String apiVersion = o.archived().apiVersion();
    return new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
        .withGroup(dot < 0 ? "" : type.substring(dot + 1))
        .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
        .withPlural(dot < 0 ? type : type.substring(0, dot))
        .withKind(o.archived().kind())
        .withNamespaced(!o.archived().clusterScoped())
        .build();
  }

  /**
   * An object as the API returns it, minus what the server sets (status included) and the restore's
   * own label.
   */
  static JsonNode withoutServerFields(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("status");
    ObjectNode metadata = copy.with("metadata");
    metadata.remove(
        List.of("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"));
    metadata.with("labels").remove(ObjectCleaner.RESTORE_LABEL);
    return copy;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
