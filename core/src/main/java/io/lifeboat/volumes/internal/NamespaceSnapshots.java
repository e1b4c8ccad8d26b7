package io.lifeboat.volumes.internal;

import static io.lifeboat.volumes.internal.SnapshotResources.CONTENTS;
import static io.lifeboat.volumes.internal.SnapshotResources.SNAPSHOTS;
import static io.lifeboat.volumes.internal.SnapshotResources.text;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.ItemFailure;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Scope;
import io.lifeboat.volumes.PayloadManifest;
import io.lifeboat.volumes.SnapshotClassChooser;
import io.lifeboat.volumes.SnapshotClassChooser.Chosen;
import io.lifeboat.volumes.SnapshotClassChooser.Refused;
import io.lifeboat.volumes.VolumesSource.Volume;
import io.lifeboat.volumes.hooks.HookRunner;
import io.lifeboat.volumes.hooks.Hooks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The snapshots of one namespace: choose a class per PVC, run the pre hooks, create the
 * VolumeSnapshots, run the post hooks once every snapshot is cut, wait for {@code readyToUse}, and
 * finally set each content to {@code Retain}. Per-PVC problems become {@link ItemFailure}s; only an
 * unreachable API server ends the run.
 */
public final class NamespaceSnapshots {
  private static final Logger LOG = Logger.getLogger(NamespaceSnapshots.class);

  private final KubernetesClient client;
  private final Scope scope;
  private final String namespace;
  private final BackupId id;
  private final ReadinessWait wait;
  private final List<String> warnings = new ArrayList<>();
  private final List<ItemFailure> failures = new ArrayList<>();

  public NamespaceSnapshots(KubernetesClient client, Scope scope, BackupId id, ReadinessWait wait) {
    this.client = client;
    this.scope = scope;
    this.namespace = scope.namespace();
    this.id = id;
    this.wait = wait;
  }

  /** A PVC that got a class and a VolumeSnapshot name. */
  public record Planned(
      PersistentVolumeClaim pvc, String driver, Chosen choice, String snapshotName) {
    String pvcName() {
      return pvc.getMetadata().getName();
    }
  }

  /** A ready snapshot and what its content says. */
  public record Taken(
      Planned plan,
      String content,
      String driver,
      String handle,
      String restoreSize,
      java.time.Instant readyAt) {}

  public List<String> warnings() {
    return warnings;
  }

  public List<ItemFailure> failures() {
    return failures;
  }

  /** Plans, hooks, creates and waits; returns the snapshots that became ready. */
  public List<Taken> snapshot(
      List<PersistentVolumeClaim> pvcs,
      List<SnapshotClassChooser.SnapshotClass> classes,
      Hooks hooks,
      HookRunner runner) {
    List<Planned> planned = plan(pvcs, classes);
    if (planned.isEmpty()) {
      return List.of();
    }
    Hooks.Report pre = hooks.runPre(runner);
    record(pre);
    if (pre.aborted()) {
      planned.forEach(p -> fail(p, "not snapshotted: a pre hook failed"));
      record(hooks.runPost(runner));
      return List.of();
    }
    boolean[] postRan = {false};
    Map<Planned, ReadinessWait.Ready> ready;
    try {
      List<Planned> created = create(planned);
      ready =
          wait.await(
              namespace,
              created,
              () -> {
                postRan[0] = true;
                record(hooks.runPost(runner));
              });
      created.stream().filter(p -> !ready.containsKey(p)).forEach(this::giveUp);
    } finally {
      if (!postRan[0]) {
        record(hooks.runPost(runner));
      }
    }
    List<Taken> taken = new ArrayList<>();
    ready.forEach((plan, status) -> resolveContent(plan, status, taken));
    return taken;
  }

  /** The payload manifest of {@code taken}: written before any content is set to Retain. */
  public PayloadManifest payload(String backup, List<Taken> taken) {
    return new PayloadManifest(
        PayloadManifest.FORMAT_VERSION,
        backup,
        taken.stream()
            .map(
                t ->
                    new PayloadManifest.Content(
                        t.content(),
                        namespace + "/" + t.plan().snapshotName(),
                        t.driver(),
                        t.handle()))
            .toList());
  }

  /**
   * Sets each content to {@code Retain} and puts the ownership marks on it (the CSI controller
   * created it, so this patch is the first time Lifeboat writes it); a content that refuses is that
   * PVC's failure.
   */
  public List<Volume> retain(List<Taken> taken) {
    List<Volume> volumes = new ArrayList<>();
    String patch = retainPatch();
    for (Taken t : taken) {
      try {
        client
            .genericKubernetesResources(CONTENTS)
            .withName(t.content())
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        volumes.add(volume(t));
      } catch (KubernetesClientException e) {
        KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
        fail(
            t.plan(),
            "VolumeSnapshotContent "
                + t.content()
                + " could not be set to Retain: "
                + KubeFailures.describe(e));
      }
    }
    return volumes;
  }

  private String retainPatch() {
    return Json.writeString(
        Map.of(
            "metadata",
            Map.of(
                "labels",
                OwnershipMarks.labels(id),
                "annotations",
                OwnershipMarks.annotations(scope, id)),
            "spec",
            Map.of("deletionPolicy", "Retain")));
  }

  private List<Planned> plan(
      List<PersistentVolumeClaim> pvcs, List<SnapshotClassChooser.SnapshotClass> classes) {
    Drivers drivers = new Drivers(client);
    List<Planned> planned = new ArrayList<>();
    for (PersistentVolumeClaim pvc : pvcs) {
      String name = pvc.getMetadata().getName();
      String phase = pvc.getStatus() == null ? null : pvc.getStatus().getPhase();
      if (!"Bound".equals(phase)) {
        warnings.add("PVC " + namespace + "/" + name + " is " + phase + ", not Bound: skipped");
        continue;
      }
      Map<String, String> annotations = pvc.getMetadata().getAnnotations();
      String requested =
          annotations == null ? null : annotations.get(SnapshotClassChooser.PVC_ANNOTATION);
      String driver = drivers.driverOf(pvc);
      var choice = SnapshotClassChooser.choose(namespace + "/" + name, requested, driver, classes);
      if (choice instanceof Refused refused) {
        failures.add(new ItemFailure(item(name), refused.reason()));
      } else {
        planned.add(new Planned(pvc, driver, (Chosen) choice, snapshotName(name)));
      }
    }
    return planned;
  }

  private List<Planned> create(List<Planned> planned) {
    List<Planned> created = new ArrayList<>();
    for (Planned p : planned) {
      GenericKubernetesResource vs =
          SnapshotResources.resource(SNAPSHOTS, namespace, p.snapshotName());
      vs.getMetadata().setLabels(OwnershipMarks.labels(id));
      vs.getMetadata().setAnnotations(OwnershipMarks.annotations(scope, id));
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("volumeSnapshotClassName", p.choice().className());
      spec.put("source", Map.of("persistentVolumeClaimName", p.pvcName()));
      vs.setAdditionalProperty("spec", spec);
      try {
        client.genericKubernetesResources(SNAPSHOTS).inNamespace(namespace).resource(vs).create();
        created.add(p);
        LOG.debugf(
            "VolumeSnapshot %s/%s created for PVC %s (class %s by %s)",
            namespace, p.snapshotName(), p.pvcName(), p.choice().className(), p.choice().rule());
      } catch (KubernetesClientException e) {
        KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
        fail(p, "VolumeSnapshot " + p.snapshotName() + " not created: " + KubeFailures.describe(e));
      }
    }
    return created;
  }

  /** A snapshot not ready by the deadline: delete it (so it leaks nothing) and fail the PVC. */
  private void giveUp(Planned p) {
    String error = wait.lastError(p);
    fail(
        p,
        "VolumeSnapshot "
            + namespace
            + "/"
            + p.snapshotName()
            + " not readyToUse within "
            + wait.deadline()
            + (error == null ? "" : " (last error: " + error + ")")
            + "; it was deleted");
    try {
      client
          .genericKubernetesResources(SNAPSHOTS)
          .inNamespace(namespace)
          .withName(p.snapshotName())
          .delete();
    } catch (KubernetesClientException e) {
      warnings.add(
          "VolumeSnapshot "
              + namespace
              + "/"
              + p.snapshotName()
              + " could not be deleted: "
              + KubeFailures.describe(e));
    }
  }

  private void resolveContent(Planned p, ReadinessWait.Ready ready, List<Taken> taken) {
    GenericKubernetesResource content;
    try {
      content = client.genericKubernetesResources(CONTENTS).withName(ready.content()).get();
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
      content = null;
    }
    String handle = text(content, "status", "snapshotHandle");
    if (handle == null) {
      fail(p, "VolumeSnapshotContent " + ready.content() + " has no status.snapshotHandle");
      return;
    }
    String driver = text(content, "spec", "driver");
    String size = ready.restoreSize();
    if (size == null && text(content, "status", "restoreSize") != null) {
      size = new Quantity(text(content, "status", "restoreSize")).toString();
    }
    LOG.infof(
        "PVC %s/%s: snapshot %s ready at %s (content %s, %s)",
        namespace, p.pvcName(), p.snapshotName(), ready.at(), ready.content(), size);
    taken.add(
        new Taken(
            p, ready.content(), driver == null ? p.driver() : driver, handle, size, ready.at()));
  }

  private Volume volume(Taken t) {
    PersistentVolumeClaim pvc = t.plan().pvc();
    var spec = pvc.getSpec();
    Quantity requested =
        spec.getResources() == null || spec.getResources().getRequests() == null
            ? null
            : spec.getResources().getRequests().get("storage");
    return new Volume(
        t.plan().pvcName(),
        pvc.getMetadata().getLabels(),
        Json.MAPPER.valueToTree(spec),
        spec.getStorageClassName(),
        requested == null ? null : requested.toString(),
        t.plan().snapshotName(),
        t.content(),
        t.driver(),
        t.handle(),
        t.restoreSize(),
        t.plan().choice().className(),
        t.plan().choice().rule(),
        t.readyAt());
  }

  private void record(Hooks.Report report) {
    warnings.addAll(report.warnings());
    failures.addAll(report.failures());
  }

  private void fail(Planned p, String reason) {
    failures.add(new ItemFailure(item(p.pvcName()), reason));
  }

  private String item(String pvc) {
    return "persistentvolumeclaim/" + namespace + "/" + pvc;
  }

  /** {@code <pvc>-<backup id>}, lower case, cut to fit a 253-character name. */
  private String snapshotName(String pvc) {
    String suffix = "-" + id.toString().toLowerCase(java.util.Locale.ROOT);
    String base =
        pvc.length() + suffix.length() > 253 ? pvc.substring(0, 253 - suffix.length()) : pvc;
    return base + suffix;
  }
}
