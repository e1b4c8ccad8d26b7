package io.lifeboat.volumes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.error.SourceUnavailableException;
import io.lifeboat.kube.ClusterIdentity;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.kube.Pause;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.Slot;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.text.Count;
import io.lifeboat.volumes.SnapshotClassChooser.SnapshotClass;
import io.lifeboat.volumes.VolumesOutcome.NamespaceResult;
import io.lifeboat.volumes.VolumesOutcome.Status;
import io.lifeboat.volumes.hooks.HookRunner;
import io.lifeboat.volumes.hooks.Hooks;
import io.lifeboat.volumes.internal.NamespaceSnapshots;
import io.lifeboat.volumes.internal.ReadinessWait;
import io.lifeboat.volumes.internal.SnapshotResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The volumes backup use-case: for every selected namespace with PVCs, one backup (kind {@code
 * volumes}, scope {@code <cluster>/<namespace>}) made of CSI VolumeSnapshots. Per namespace,
 * through {@link ClaimedRun}: claim the slot, snapshot (hooks around it), write the payload
 * manifest of the contents, set them to {@code Retain}, commit. A PVC that fails does not stop the
 * others: the backup is committed with its failures (exit 3). The object-store side needs only put
 * rights.
 */
public final class VolumeSnapshotter {
  private static final Logger LOG = Logger.getLogger(VolumeSnapshotter.class);

  private final KubernetesClient client;
  private final Repository repository;
  private final HookRunner hooks;
  private final Pause pause;

  public VolumeSnapshotter(
      KubernetesClient client, Repository repository, HookRunner hooks, Pause pause) {
    this.client = client;
    this.repository = repository;
    this.hooks = hooks;
    this.pause = pause;
  }

  public VolumesOutcome run(VolumesRequest request) {
    repository.descriptor();
    List<String> namespaces = namespaces(request.selection());
    List<SnapshotClass> classes = snapshotClasses();
    List<NamespaceResult> results = new ArrayList<>();
    for (String namespace : namespaces) {
      results.add(namespace(request, Scope.namespace(request.cluster(), namespace), classes));
    }
    return new VolumesOutcome(results);
  }

  private NamespaceResult namespace(
      VolumesRequest request, Scope scope, List<SnapshotClass> classes) {
    List<PersistentVolumeClaim> pvcs = pvcs(scope.namespace(), request.selection());
    if (pvcs.isEmpty()) {
      return new NamespaceResult(
          scope, Status.EMPTY, null, "volumes of " + scope + ": no PVC selected; nothing written");
    }
    String slot = request.trigger().slotToClaim().map(Slot::keySegment).orElse(null);
    ClaimedRun.Result result =
        new ClaimedRun(repository, request.runner(), request.claimTtl())
            .run(
                Kind.VOLUMES,
                scope,
                slot,
                pending -> snapshot(request, pending, pvcs, classes),
                VolumeSnapshotter::summary)
            .orThrow();
    if (result instanceof ClaimedRun.Result.Committed committed) {
      Manifest manifest = committed.manifest();
      return new NamespaceResult(
          scope,
          manifest.partial() ? Status.PARTIAL : Status.COMPLETED,
          manifest,
          committed.summary());
    }
    return new NamespaceResult(scope, Status.SKIPPED, null, result.summary());
  }

  private PendingBackup.Contents snapshot(
      VolumesRequest request,
      PendingBackup pending,
      List<PersistentVolumeClaim> pvcs,
      List<SnapshotClass> classes) {
    Scope scope = pending.ref().scope();
    LOG.infof("volumes backup %s started: %s", pending.ref(), Count.of(pvcs.size(), "PVC"));
    ReadinessWait wait =
        new ReadinessWait(
            client, request.readyDeadline(), request.pollInterval(), repository.clock(), pause);
    NamespaceSnapshots snapshots = new NamespaceSnapshots(client, scope, pending.ref().id(), wait);
    List<NamespaceSnapshots.Taken> taken =
        snapshots.snapshot(pvcs, classes, Hooks.of(pods(scope.namespace())), hooks);
    DataObject payload =
        writePayload(
            pending, snapshots.payload(pending.ref().scope() + "/" + pending.ref().id(), taken));
    List<VolumesSource.Volume> volumes = snapshots.retain(taken);
    VolumesSource source = new VolumesSource(scope.namespace(), PayloadManifest.NAME, volumes);
    return new PendingBackup.Contents(
        Json.tree(source),
        List.of(payload),
        null,
        null,
        ClusterIdentity.kubeSystemUid(client, snapshots.warnings()),
        snapshots.warnings(),
        snapshots.failures());
  }

  /** Writes {@code manifest.json} before any content is retained, so GC can always find them. */
  private static DataObject writePayload(PendingBackup pending, PayloadManifest manifest) {
    byte[] bytes = Json.write(manifest);
    try (ObjectWriter writer = pending.openData(PayloadManifest.NAME)) {
      writer.write(bytes);
      return pending.recorded(writer.commit(), (long) bytes.length, null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> namespaces(VolumesSelection selection) {
    return read(() -> client.namespaces().list().getItems()).stream()
        .map(n -> n.getMetadata().getName())
        .filter(selection::includesNamespace)
        .sorted()
        .toList();
  }

  private List<PersistentVolumeClaim> pvcs(String namespace, VolumesSelection selection) {
    return read(() -> client.persistentVolumeClaims().inNamespace(namespace).list().getItems())
        .stream()
        .filter(pvc -> selection.includesPvc(pvc.getMetadata().getLabels()))
        .sorted(java.util.Comparator.comparing(pvc -> pvc.getMetadata().getName()))
        .toList();
  }

  private List<io.fabric8.kubernetes.api.model.Pod> pods(String namespace) {
    return read(() -> client.pods().inNamespace(namespace).list().getItems());
  }

  private List<SnapshotClass> snapshotClasses() {
    List<GenericKubernetesResource> items;
    try {
      items = client.genericKubernetesResources(SnapshotResources.CLASSES).list().getItems();
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
      throw new SourceUnavailableException(
          "VolumeSnapshotClasses ("
              + SnapshotResources.API_VERSION
              + ") are not readable at "
              + client.getMasterUrl()
              + ": "
              + KubeFailures.describe(e)
              + "; are the CSI snapshot CRDs installed?",
          e);
    }
    return items.stream().map(VolumeSnapshotter::snapshotClass).toList();
  }

  private static SnapshotClass snapshotClass(GenericKubernetesResource r) {
    Map<String, String> labels = r.getMetadata().getLabels();
    Map<String, String> annotations = r.getMetadata().getAnnotations();
    return new SnapshotClass(
        r.getMetadata().getName(),
        SnapshotResources.text(r, "driver"),
        labels != null && "true".equals(labels.get(SnapshotClassChooser.DEFAULT_LABEL)),
        annotations != null
            && "true".equals(annotations.get(SnapshotClassChooser.CLUSTER_DEFAULT_ANNOTATION)));
  }

  private <T> T read(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw KubeFailures.unavailable(e, String.valueOf(client.getMasterUrl()));
    }
  }

  private static String summary(Manifest manifest) {
    VolumesSource source = manifest.source(VolumesSource.class);
    return "volumes backup "
        + manifest.ref()
        + ": "
        + Count.of(source.volumes().size(), "PVC")
        + " snapshotted and retained, "
        + Count.of(manifest.failures().size(), "failure")
        + ", "
        + Count.of(manifest.warnings().size(), "warning");
  }
}
