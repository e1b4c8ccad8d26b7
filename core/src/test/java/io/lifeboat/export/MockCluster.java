package io.lifeboat.export;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fabric8 CRUD mock server on 127.0.0.1 that also answers discovery for the fixtures' types (as a
 * real API server would, with a preferred version per group and subresources) and pages lists.
 */
public final class MockCluster implements AutoCloseable {
  private static final List<String> ALL_VERBS =
      List.of("create", "delete", "get", "list", "patch", "update", "watch");

  public final ApiDispatcher dispatcher;
  private final KubernetesMockServer server;
  private final Map<String, List<APIResource>> groupVersions = new LinkedHashMap<>();
  private final Map<String, List<String>> groupVersionNames = new LinkedHashMap<>();
  public final KubernetesClient client;

  public MockCluster() {
    this(new ApiDispatcher());
  }

  /** A cluster served by {@code dispatcher} (a subclass may answer more, e.g. pod exec). */
  public MockCluster(ApiDispatcher dispatcher) {
    this.dispatcher = dispatcher;
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    // No retries: a 503 from a broken group must not cost the test ten backoffs.
    client =
        server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    registerDefaultApis();
  }

  private void registerDefaultApis() {
    serve(
        "v1",
        namespaced("configmaps", "ConfigMap"),
        namespaced("secrets", "Secret"),
        namespaced("serviceaccounts", "ServiceAccount"),
        namespaced("serviceaccounts/token", "TokenRequest"),
        namespaced("services", "Service"),
        namespaced("pods", "Pod"),
        namespaced("pods/log", "Pod"),
        namespaced("persistentvolumeclaims", "PersistentVolumeClaim"),
        namespaced("events", "Event"),
        new APIResourceBuilder()
            .withName("bindings")
            .withKind("Binding")
            .withNamespaced(true)
            .withVerbs("create")
            .build(),
        cluster("namespaces", "Namespace"),
        cluster("persistentvolumes", "PersistentVolume"));
    serve(
        "apps/v1",
        namespaced("deployments", "Deployment"),
        namespaced("deployments/scale", "Scale"),
        namespaced("replicasets", "ReplicaSet"),
        namespaced("statefulsets", "StatefulSet"));
    serve("batch/v1", namespaced("jobs", "Job"), namespaced("cronjobs", "CronJob"));
    serve(
        "networking.k8s.io/v1",
        namespaced("ingresses", "Ingress"),
        namespaced("networkpolicies", "NetworkPolicy"));
    serve("autoscaling/v2", namespaced("horizontalpodautoscalers", "HorizontalPodAutoscaler"));
    groupVersionNames.get("autoscaling").add("autoscaling/v1");
    serve(
        "rbac.authorization.k8s.io/v1",
        namespaced("roles", "Role"),
        namespaced("rolebindings", "RoleBinding"),
        cluster("clusterroles", "ClusterRole"),
        cluster("clusterrolebindings", "ClusterRoleBinding"));
    serve("storage.k8s.io/v1", cluster("storageclasses", "StorageClass"));
    serve(
        "apiextensions.k8s.io/v1",
        cluster("customresourcedefinitions", "CustomResourceDefinition"));
    serve("events.k8s.io/v1", namespaced("events", "Event"));
    serve("example.com/v1", namespaced("widgets", "Widget"));
  }

  /** Registers (or replaces) the discovery document of one group version. */
  public void serve(String groupVersion, APIResource... resources) {
    groupVersions.put(groupVersion, new ArrayList<>(List.of(resources)));
    String group = groupVersion.contains("/") ? groupVersion.split("/")[0] : "";
    if (!group.isEmpty()) {
      groupVersionNames.computeIfAbsent(group, g -> new ArrayList<>()).add(groupVersion);
    }
    publish();
  }

  private void publish() {
    var serialization = client.getKubernetesSerialization();
    var groups = new APIGroupListBuilder();
    groupVersionNames.forEach(
        (group, versions) ->
            groups.addToGroups(
                new APIGroupBuilder()
                    .withName(group)
                    .withVersions(versions.stream().map(MockCluster::version).toList())
                    .withPreferredVersion(version(versions.get(0)))
                    .build()));
    dispatcher.document("/apis", serialization.asJson(groups.build()));
    dispatcher.document("/api", "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
    groupVersions.forEach(
        (gv, resources) ->
            dispatcher.document(
                gv.contains("/") ? "/apis/" + gv : "/api/" + gv,
                serialization.asJson(
                    new APIResourceListBuilder()
                        .withGroupVersion(gv)
                        .withResources(resources)
                        .build())));
  }

  private static GroupVersionForDiscovery version(String groupVersion) {
    return new GroupVersionForDiscovery(groupVersion, groupVersion.split("/")[1]);
  }

  public static APIResource namespaced(String name, String kind) {
    return resource(name, kind, true);
  }

  public static APIResource cluster(String name, String kind) {
    return resource(name, kind, false);
  }

  private static APIResource resource(String name, String kind, boolean namespaced) {
    return new APIResourceBuilder()
        .withName(name)
        .withKind(kind)
        .withNamespaced(namespaced)
        .withSingularName("")
        .withVerbs(ALL_VERBS)
        .build();
  }

  /** Stops the server; the client then fails as against an API server that went away. */
  void stop() {
    server.destroy();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
