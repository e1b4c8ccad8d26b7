package io.lifeboat.export;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/**
 * A realistic namespace {@code shop}: a Deployment with its ReplicaSet and Pods, a StatefulSet with
 * bound claims and volumes, four kinds of Service, Secrets (one a ServiceAccount token),
 * ConfigMaps, RBAC, a custom resource, Ingress, NetworkPolicy, HPA, a finished Job and events; plus
 * neighbours ({@code other}, cluster objects) that must stay out of shop's backup.
 */
public final class ShopFixtures {
  public static final String NS = "shop";
  static final ResourceDefinitionContext WIDGETS =
      new ResourceDefinitionContext.Builder()
          .withGroup("example.com")
          .withVersion("v1")
          .withPlural("widgets")
          .withKind("Widget")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;

  public ShopFixtures(KubernetesClient client) {
    this.client = client;
  }

  public void create() {
    namespaces();
    workloads();
    storage();
    networking();
    configuration();
    rbac();
    customResources();
    leftovers();
  }

  private void namespaces() {
    for (String name : new String[] {NS, "other", "kube-system"}) {
      create(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
    }
  }

  private void workloads() {
    create(
        new DeploymentBuilder()
            .withMetadata(
                meta("web", Map.of("app", "web")).toBuilder()
                    .withManagedFields(
                        new ManagedFieldsEntryBuilder()
                            .withManager("kubectl")
                            .withOperation("Apply")
                            .build())
                    .build())
            .withNewSpec()
            .withReplicas(2)
            .withNewSelector()
            .withMatchLabels(Map.of("app", "web"))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", "web"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .withImage("nginx:1.27")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    create(
        new ReplicaSetBuilder()
            .withMetadata(owned("web-5d9f", "apps/v1", "Deployment", "web", Map.of("app", "web")))
            .withNewSpec()
            .withReplicas(2)
            .endSpec()
            .build());
    for (String pod : new String[] {"web-5d9f-a", "web-5d9f-b"}) {
      create(pod(owned(pod, "apps/v1", "ReplicaSet", "web-5d9f", Map.of("app", "web")), "Running"));
    }
    create(
        new StatefulSetBuilder()
            .withMetadata(meta("db", Map.of("app", "db")))
            .withNewSpec()
            .withServiceName("db")
            .withReplicas(2)
            .endSpec()
            .build());
    create(pod(owned("db-0", "apps/v1", "StatefulSet", "db", Map.of("app", "db")), "Running"));
  }

  private void storage() {
    for (String i : new String[] {"0", "1"}) {
      create(
          new PersistentVolumeClaimBuilder()
              .withMetadata(meta("data-db-" + i, Map.of("app", "db")))
              .withNewSpec()
              .withStorageClassName("fast")
              .withVolumeName("pv-data-db-" + i)
              .withAccessModes("ReadWriteOnce")
              .withNewResources()
              .withRequests(Map.of("storage", new Quantity("1Gi")))
              .endResources()
              .endSpec()
              .withNewStatus()
              .withPhase("Bound")
              .endStatus()
              .build());
      create(volume("pv-data-db-" + i, "fast", "data-db-" + i));
    }
    create(volume("pv-unrelated", "slow", null));
    for (String name : new String[] {"fast", "slow"}) {
      create(
          new StorageClassBuilder()
              .withNewMetadata()
              .withName(name)
              .endMetadata()
              .withProvisioner("csi.example.com")
              .build());
    }
  }

  private void networking() {
    create(service("web", "ClusterIP", "10.0.0.10"));
    create(service("db", "ClusterIP", "None"));
    create(service("web-nodeport", "NodePort", "10.0.0.11"));
    create(service("web-lb", "LoadBalancer", "10.0.0.12"));
    create(
        new IngressBuilder()
            .withMetadata(meta("web", Map.of("app", "web")))
            .withNewSpec()
            .addNewRule()
            .withHost("shop.example.com")
            .endRule()
            .endSpec()
            .build());
    create(
        new NetworkPolicyBuilder()
            .withMetadata(meta("default-deny", Map.of()))
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .withPolicyTypes("Ingress")
            .endSpec()
            .build());
    create(
        new HorizontalPodAutoscalerBuilder()
            .withMetadata(meta("web", Map.of("app", "web")))
            .withNewSpec()
            .withMinReplicas(2)
            .withMaxReplicas(5)
            .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName("web")
            .endScaleTargetRef()
            .endSpec()
            .build());
  }

  private void configuration() {
    client.configMaps().inNamespace(NS).resource(configMap("app-config", Map.of())).create();
    client.configMaps().inNamespace(NS).resource(configMap("kube-root-ca.crt", Map.of())).create();
    client
        .configMaps()
        .inNamespace(NS)
        .resource(configMap("scratch", Map.of("lifeboat.io/exclude", "true")))
        .create();
    var elsewhere = configMap("other-config", Map.of());
    elsewhere.getMetadata().setNamespace("other");
    create(elsewhere);
    create(
        new SecretBuilder()
            .withMetadata(meta("app-credentials", Map.of("app", "web")))
            .withType("Opaque")
            .withData(Map.of("password", "czNjcjN0"))
            .build());
    create(
        new SecretBuilder()
            .withMetadata(
                meta("app-token", Map.of()).toBuilder()
                    .withAnnotations(Map.of("kubernetes.io/service-account.name", "app"))
                    .build())
            .withType("kubernetes.io/service-account-token")
            .withData(Map.of("token", "ZXlKaGJHY2k="))
            .build());
  }

  private void rbac() {
    for (String name : new String[] {"default", "app"}) {
      create(new ServiceAccountBuilder().withMetadata(meta(name, Map.of())).build());
    }
    create(
        new RoleBuilder()
            .withMetadata(meta("reader", Map.of()))
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources("pods")
                    .withVerbs("get")
                    .build())
            .build());
    create(
        new RoleBindingBuilder()
            .withMetadata(meta("reader", Map.of()))
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", "reader")
            .withSubjects(account("app", NS))
            .build());
    clusterBinding("shop-reader", account("app", NS));
    clusterBinding("other-reader", account("app", "other"));
    create(new ClusterRoleBuilder().withNewMetadata().withName("unrelated").endMetadata().build());
  }

  private void customResources() {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("widgets.example.com")
                .endMetadata()
                .withNewSpec()
                .withGroup("example.com")
                .withScope("Namespaced")
                .withNewNames()
                .withPlural("widgets")
                .withKind("Widget")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build())
        .create();
    widget(NS, "w1");
    widget(NS, "w2");
    widget("other", "w3");
  }

  /** What a backup must leave out: events, finished pods, a mirror pod, a completed Job. */
  private void leftovers() {
    create(
        new JobBuilder()
            .withMetadata(meta("migrate", Map.of()))
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .withRestartPolicy("Never")
            .endSpec()
            .endTemplate()
            .endSpec()
            .withNewStatus()
            .withSucceeded(1)
            .withCompletionTime("2026-11-25T18:00:00Z")
            .endStatus()
            .build());
    create(pod(owned("migrate-x7k2p", "batch/v1", "Job", "migrate", Map.of()), "Succeeded"));
    create(pod(meta("crashed", Map.of()), "Failed"));
    create(
        pod(
            meta("static-web", Map.of()).toBuilder()
                .withAnnotations(Map.of("kubernetes.io/config.mirror", "abc123"))
                .build(),
            "Running"));
    for (String name : new String[] {"web.1", "web.2"}) {
      create(
          new io.fabric8.kubernetes.api.model.EventBuilder()
              .withMetadata(meta(name, Map.of()))
              .withReason("Scheduled")
              .withNewInvolvedObject()
              .withKind("Pod")
              .withName("web-5d9f-a")
              .endInvolvedObject()
              .build());
    }
  }

  private void widget(String namespace, String name) {
    client
        .genericKubernetesResources(WIDGETS)
        .inNamespace(namespace)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("example.com/v1")
                .withKind("Widget")
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("size", 3))
                .build())
        .create();
  }

  private void clusterBinding(String name, io.fabric8.kubernetes.api.model.rbac.Subject subject) {
    create(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources("nodes")
                    .withVerbs("get")
                    .build())
            .build());
    create(
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
            .withSubjects(subject)
            .build());
  }

  private static io.fabric8.kubernetes.api.model.rbac.Subject account(String name, String ns) {
    return new SubjectBuilder().withKind("ServiceAccount").withName(name).withNamespace(ns).build();
  }

  private static HasMetadata volume(String name, String storageClass, String claim) {
    var builder =
        new PersistentVolumeBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .withStorageClassName(storageClass)
            .withCapacity(Map.of("storage", new Quantity("1Gi")))
            .withNewCsi()
            .withDriver("csi.example.com")
            .withVolumeHandle("vol-" + name)
            .endCsi();
    if (claim != null) {
      builder.withNewClaimRef().withNamespace(NS).withName(claim).endClaimRef();
    }
    return builder.endSpec().build();
  }

  private static HasMetadata service(String name, String type, String clusterIp) {
    var spec =
        new ServiceBuilder()
            .withMetadata(meta(name, Map.of("app", name.startsWith("db") ? "db" : "web")))
            .withNewSpec()
            .withType(type)
            .withClusterIP(clusterIp)
            .withSelector(Map.of("app", "web"))
            .withPorts(
                new ServicePortBuilder()
                    .withPort(80)
                    .withNodePort("ClusterIP".equals(type) ? null : 30080)
                    .build());
    return spec.endSpec().build();
  }

  private static HasMetadata pod(ObjectMeta metadata, String phase) {
    return new PodBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withNodeName("node-1")
        .addNewContainer()
        .withName("main")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ConfigMap configMap(
      String name, Map<String, String> labels) {
    return new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withMetadata(meta(name, labels))
        .withData(Map.of("key", "value of " + name))
        .build();
  }

  static ObjectMeta meta(String name, Map<String, String> labels) {
    return new ObjectMetaBuilder().withName(name).withNamespace(NS).withLabels(labels).build();
  }

  private static ObjectMeta owned(
      String name, String apiVersion, String kind, String owner, Map<String, String> labels) {
    return meta(name, labels).toBuilder()
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(apiVersion)
                .withKind(kind)
                .withName(owner)
                .withUid("uid-" + owner)
                .withController(true)
                .build())
        .build();
  }

  private void create(HasMetadata object) {
    client.resource(object).create();
  }
}
