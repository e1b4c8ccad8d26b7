package io.lifeboat.volumes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.export.MockCluster;
import io.lifeboat.kube.Pause;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRUD mock with the {@code snapshot.storage.k8s.io/v1} CRDs (status subresource) and their
 * discovery, pod exec, and a test-driven snapshot controller: {@link #reconcile()} does what the
 * CSI snapshot controller would (bind a new content, set {@code readyToUse}, the handle and the
 * restore size), except for PVCs told to {@link #neverReady}. {@link #pause} runs it between two
 * polls of the snapshotter, with no sleeping.
 */
public final class VolumesCluster implements AutoCloseable {
  public static final String DRIVER = "ebs.csi.aws.com";
  final ExecDispatcher exec = new ExecDispatcher();
  final MockCluster mock = new MockCluster(exec);
  public final KubernetesClient client = mock.client;
  private final Set<String> neverReady = ConcurrentHashMap.newKeySet();
  private final Map<String, String> restoreSizes = new ConcurrentHashMap<>();

  public VolumesCluster() {
    mock.serve(
        "snapshot.storage.k8s.io/v1",
        MockCluster.namespaced("volumesnapshots", "VolumeSnapshot"),
        MockCluster.namespaced("volumesnapshots/status", "VolumeSnapshot"),
        MockCluster.cluster("volumesnapshotcontents", "VolumeSnapshotContent"),
        MockCluster.cluster("volumesnapshotcontents/status", "VolumeSnapshotContent"),
        MockCluster.cluster("volumesnapshotclasses", "VolumeSnapshotClass"));
    crd("volumesnapshots", "VolumeSnapshot", "Namespaced");
    crd("volumesnapshotcontents", "VolumeSnapshotContent", "Cluster");
    crd("volumesnapshotclasses", "VolumeSnapshotClass", "Cluster");
    namespace("kube-system");
  }

  private void crd(String plural, String kind, String scope) {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + SnapshotResources.GROUP)
                .endMetadata()
                .withNewSpec()
                .withGroup(SnapshotResources.GROUP)
                .withScope(scope)
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .endVersion()
                .endSpec()
                .build())
        .create();
  }

  /** A manual run over one namespace with the usual test deadlines, as the volume ITs take it. */
  public static VolumesRequest manualRun(String namespace) {
    return new VolumesRequest(
        new io.lifeboat.repository.ClusterName("prod"),
        new io.lifeboat.schedule.RunTrigger.Manual("test"),
        new VolumesSelection(java.util.List.of(namespace), java.util.List.of(), null),
        Duration.ofMinutes(10),
        Duration.ofSeconds(5),
        "test",
        null);
  }

  public void namespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  public void storageClass(String name, String provisioner) {
    client
        .storage()
        .v1()
        .storageClasses()
        .resource(
            new StorageClassBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withProvisioner(provisioner)
                .build())
        .create();
  }

  /** A VolumeSnapshotClass; {@code lifeboatDefault} labels it, {@code clusterDefault} annotates. */
  public void snapshotClass(
      String name, String driver, boolean lifeboatDefault, boolean clusterDefault) {
    GenericKubernetesResource vsc =
        SnapshotResources.resource(SnapshotResources.CLASSES, null, name);
    if (lifeboatDefault) {
      vsc.getMetadata().setLabels(Map.of(SnapshotClassChooser.DEFAULT_LABEL, "true"));
    }
    if (clusterDefault) {
      vsc.getMetadata()
          .setAnnotations(Map.of(SnapshotClassChooser.CLUSTER_DEFAULT_ANNOTATION, "true"));
    }
    vsc.setAdditionalProperty("driver", driver);
    vsc.setAdditionalProperty("deletionPolicy", "Delete");
    client.genericKubernetesResources(SnapshotResources.CLASSES).resource(vsc).create();
  }

  /** A Bound PVC of {@code size} in class {@code storageClass}, on a CSI PV of {@code driver}. */
  public PersistentVolumeClaim pvc(
      String namespace,
      String name,
      String storageClass,
      String size,
      Map<String, String> labels,
      Map<String, String> annotations,
      String pvDriver) {
    String pv = "pv-" + namespace + "-" + name;
    if (pvDriver != null) {
      client
          .persistentVolumes()
          .resource(
              new PersistentVolumeBuilder()
                  .withNewMetadata()
                  .withName(pv)
                  .endMetadata()
                  .withNewSpec()
                  .withCapacity(Map.of("storage", new Quantity(size)))
                  .withNewCsi()
                  .withDriver(pvDriver)
                  .withVolumeHandle("vol-" + name)
                  .endCsi()
                  .endSpec()
                  .build())
          .create();
    }
    PersistentVolumeClaim claim =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .withAnnotations(annotations)
            .endMetadata()
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withStorageClassName(storageClass)
            .withVolumeName(pvDriver == null ? null : pv)
            .withNewResources()
            .addToRequests("storage", new Quantity(size))
            .endResources()
            .endSpec()
            .withNewStatus()
            .withPhase("Bound")
            .endStatus()
            .build();
    PersistentVolumeClaim created =
        client.persistentVolumeClaims().inNamespace(namespace).resource(claim).create();
    if (created.getStatus() == null || !"Bound".equals(created.getStatus().getPhase())) {
      created.setStatus(claim.getStatus());
      created =
          client.persistentVolumeClaims().inNamespace(namespace).resource(created).updateStatus();
    }
    return created;
  }

  public PersistentVolumeClaim pvc(
      String namespace, String name, String storageClass, String size) {
    return pvc(namespace, name, storageClass, size, Map.of(), Map.of(), null);
  }

  /** A running pod with one container {@code app} and the given annotations. */
  public Pod pod(String namespace, String name, Map<String, String> annotations) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withAnnotations(annotations)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("busybox")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();
    Pod created = client.pods().inNamespace(namespace).resource(pod).create();
    if (created.getStatus() == null || !"Running".equals(created.getStatus().getPhase())) {
      created.setStatus(pod.getStatus());
      created = client.pods().inNamespace(namespace).resource(created).updateStatus();
    }
    return created;
  }

  /** The snapshot of PVC {@code namespace/pvc} never becomes ready. */
  public void neverReady(String namespace, String pvc) {
    neverReady.add(namespace + "/" + pvc);
  }

  void restoreSize(String namespace, String pvc, String size) {
    restoreSizes.put(namespace + "/" + pvc, size);
  }

  /** A pause that plays the snapshot controller, then lets the test clock move on. */
  public Pause pause(io.lifeboat.testing.MutableClock clock) {
    return interval -> {
      reconcile();
      clock.advance(interval);
    };
  }

  /** One pass of the snapshot controller over every VolumeSnapshot without a bound content. */
  public void reconcile() {
    for (GenericKubernetesResource vs :
        client
            .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
            .inAnyNamespace()
            .list()
            .getItems()) {
      String namespace = vs.getMetadata().getNamespace();
      String pvc = SnapshotResources.text(vs, "spec", "source", "persistentVolumeClaimName");
      if (pvc == null
          || SnapshotResources.text(vs, "status", "boundVolumeSnapshotContentName") != null
          || neverReady.contains(namespace + "/" + pvc)) {
        continue;
      }
      String contentName = "snapcontent-" + vs.getMetadata().getName();
      String size = restoreSizes.getOrDefault(namespace + "/" + pvc, "1Gi");
      bindContent(vs, contentName, pvc, size);
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("boundVolumeSnapshotContentName", contentName);
      status.put("creationTime", "2026-11-25T18:15:01Z");
      status.put("readyToUse", true);
      status.put("restoreSize", size);
      vs.setAdditionalProperty("status", status);
      client
          .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
          .inNamespace(namespace)
          .resource(vs)
          .updateStatus();
    }
  }

  private void bindContent(GenericKubernetesResource vs, String name, String pvc, String size) {
    GenericKubernetesResource content =
        SnapshotResources.resource(SnapshotResources.CONTENTS, null, name);
    Map<String, Object> spec = new HashMap<>();
    spec.put("deletionPolicy", "Delete");
    spec.put("driver", DRIVER);
    spec.put(
        "volumeSnapshotClassName", SnapshotResources.text(vs, "spec", "volumeSnapshotClassName"));
    spec.put("source", Map.of("volumeHandle", "vol-" + pvc));
    spec.put(
        "volumeSnapshotRef",
        Map.of("namespace", vs.getMetadata().getNamespace(), "name", vs.getMetadata().getName()));
    content.setAdditionalProperty("spec", spec);
    var contents = client.genericKubernetesResources(SnapshotResources.CONTENTS);
    GenericKubernetesResource created = contents.resource(content).create();
    created.setAdditionalProperty(
        "status",
        Map.of(
            "snapshotHandle",
            "snap-" + vs.getMetadata().getNamespace() + "-" + pvc,
            "readyToUse",
            true,
            "restoreSize",
            Quantity.getAmountInBytes(new Quantity(size)).longValue()));
    contents.resource(created).updateStatus();
  }

  /** Every request the API server got, {@code "GET /api/v1/namespaces"}, in order. */
  public java.util.List<String> requests() {
    return mock.dispatcher.requests();
  }

  GenericKubernetesResource content(String name) {
    return client.genericKubernetesResources(SnapshotResources.CONTENTS).withName(name).get();
  }

  GenericKubernetesResource snapshot(String namespace, String name) {
    return client
        .genericKubernetesResources(SnapshotResources.SNAPSHOTS)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  Duration shortDeadline() {
    return Duration.ofSeconds(30);
  }

  @Override
  public void close() {
    mock.close();
  }
}
