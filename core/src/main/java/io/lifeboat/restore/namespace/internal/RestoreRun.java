package io.lifeboat.restore.namespace.internal;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.kube.Discovery;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.kube.Poll;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.Lease;
import io.lifeboat.restore.namespace.PlannedObject;
import io.lifeboat.restore.namespace.RestoreOptions;
import io.lifeboat.restore.namespace.RestoreOrder;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.restore.namespace.RestoreReport;
import io.lifeboat.restore.namespace.RestoreReport.ObjectResult;
import io.lifeboat.restore.namespace.RestoreReport.Outcome;
import io.lifeboat.restore.namespace.VolumesPlan;
import io.lifeboat.volumes.VolumeRestoreReport;
import io.lifeboat.volumes.VolumeRestoreRequest;
import io.lifeboat.volumes.VolumeRestorer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One execution of a plan: CRDs first, waited on until Established (with a deadline), discovery
 * refreshed, then every other type in plan order, a batch of one type at a time (the plan reads
 * them from disk), the objects of a batch written concurrently. The lease is renewed between
 * batches when a third of its time has passed.
 *
 * <p>Discovery also checks each object's scope: a namespaced type from a {@code cluster/} path, or
 * a cluster-scoped one from a {@code namespaces/} path, fails ({@link
 * io.lifeboat.restore.namespace.Placement}).
 *
 * <p>When the plan took a volumes backup, its PVCs are restored from their snapshots by {@link
 * VolumeRestorer} once the Namespace exists and before any other type (PVs, claims, workloads); the
 * archive's claims it created or found, and the archived PVs bound to them, are then not written. A
 * claim it failed is created from the archive, as without a volumes backup.
 */
public final class RestoreRun {
  private final KubernetesClient client;
  private final RestorePlan plan;
  private final Lease lease;
  private final Clock clock;
  private final Poll poll = Poll.realTime();
  private final ClusterWriter writer;
  private final List<ObjectResult> results = new ArrayList<>();
  private final Map<String, String> notEstablished = new HashMap<>();
  private final Map<String, VolumeRestoreReport.Result> fromSnapshots = new HashMap<>();
  private VolumeRestoreReport volumes;
  private boolean volumesDone;
  private Instant renewed;
  private final Progress progress;
  private long total = Progress.UNKNOWN;

  public RestoreRun(KubernetesClient client, RestorePlan plan, Lease lease, Clock clock) {
    this(client, plan, lease, clock, Progress.NONE);
  }

  /** As above, telling {@code progress} the objects settled after each batch. */
  public RestoreRun(
      KubernetesClient client, RestorePlan plan, Lease lease, Clock clock, Progress progress) {
    this.progress = progress;
    this.client = client;
    this.plan = plan;
    this.lease = lease;
    this.clock = clock;
    RestoreOptions options = plan.options();
    this.writer =
        new ClusterWriter(
            client,
            options.existingPolicy(),
            plan.restoreId(),
            options.deleteTimeout(),
            options.pollInterval(),
            poll);
  }

  public RestoreReport run() {
    Instant started = clock.instant();
    renewed = started;
    if (progress != Progress.NONE) {
      // One more pass over the plan (batch by batch, from disk), only when someone watches.
      progress.started(plan.target().toString());
      long[] count = {0};
      plan.planned().forEachBatch(batch -> count[0] += batch.size());
      total = count[0];
    }
    ExecutorService pool = Executors.newFixedThreadPool(plan.options().parallelism());
    try {
      Map<String, Boolean> served = null;
      for (String type : plan.planned().types()) {
        boolean definitions = RestoreOrder.isCustomResourceDefinitions(type);
        if (!definitions && !volumesDone && !type.equals("namespaces")) {
          restoreVolumes();
          renewIfDue();
        }
        if (!definitions && served == null) {
          served = servedTypes();
        }
        Boolean namespaced = definitions ? Boolean.FALSE : served.get(type);
        // Only the CRDs' names and types are kept past their batch, for the wait.
        Map<String, String> definitionsWritten = new LinkedHashMap<>();
        plan.planned()
            .forEachBatch(
                type,
                batch -> {
                  for (PlannedObject o : restore(type, namespaced, batch, pool)) {
                    if (definitions) {
                      definitionsWritten.put(o.name(), servedType(o));
                    }
                  }
                  renewIfDue();
                });
        awaitEstablished(definitionsWritten);
      }
    } finally {
      pool.shutdownNow();
    }
    return new RestoreReport(
        plan.restoreId(),
        plan.backup().toString(),
        plan.target().toString(),
        plan.options().existingPolicy().name().toLowerCase(Locale.ROOT),
        started,
        clock.instant(),
        results,
        new RestoreReport.Volumes(
            plan.volumes().decision(),
            plan.volumes().backupName(),
            volumes == null ? List.of() : volumes.volumes()));
  }

  /**
   * One batch of {@code type}: results in plan order; returns the objects written (created or
   * updated), for the CRDs' wait.
   */
  private List<PlannedObject> restore(
      String type, Boolean namespaced, List<PlannedObject> batch, ExecutorService pool) {
    ObjectResult[] outcomes = new ObjectResult[batch.size()];
    List<Integer> toWrite = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      PlannedObject o = batch.get(i);
      String refusal = refusal(type, namespaced, o);
      if (o.action() != PlannedObject.Action.RESTORE) {
        outcomes[i] = notRestored(o);
      } else if (refusal != null) {
        outcomes[i] = failed(o, refusal);
      } else {
        outcomes[i] = snapshotRestored(o);
        if (outcomes[i] == null) {
          toWrite.add(i);
        }
      }
    }
    write(batch, toWrite, outcomes, pool);
    results.addAll(List.of(outcomes));
    progress.advanced(results.size(), total);
    List<PlannedObject> written = new ArrayList<>();
    for (int i : toWrite) {
      if (outcomes[i].outcome() != Outcome.FAILED) {
        written.add(batch.get(i));
      }
    }
    return written;
  }

  /** Why a planned object of {@code type} cannot be written now; null when it can. */
  private String refusal(String type, Boolean namespaced, PlannedObject o) {
    if (RestoreOrder.isCustomResourceDefinitions(type)) {
      return null;
    }
    if (namespaced == null) {
      return "type " + type + " is not served by the API server";
    }
    if (notEstablished.containsKey(type)) {
      return notEstablished.get(type);
    }
    if (namespaced == o.archived().clusterScoped()) {
      return namespaced
          ? "refused: " + type + " is namespaced but its archive path is cluster/"
          : "refused: " + type + " is cluster-scoped but its archive path is not";
    }
    return null;
  }

  /**
   * Restores the planned claims the volumes backup holds from their snapshots, into the target
   * namespace, under this restore's id (a lower-case DNS label, so the snapshot objects' names are
   * unique to this restore).
   */
  private void restoreVolumes() {
    volumesDone = true;
    VolumesPlan plan = this.plan.volumes();
    if (!plan.fromSnapshots()) {
      return;
    }
    Set<String> claims = new TreeSet<>();
    this.plan
        .planned()
        .forEachBatch(
            "persistentvolumeclaims",
            batch -> {
              for (PlannedObject o : batch) {
                if (o.action() == PlannedObject.Action.RESTORE
                    && o.archived().kind().equals("PersistentVolumeClaim")
                    && plan.covers(o.archived())) {
                  claims.add(o.archived().name());
                }
              }
            });
    if (claims.isEmpty()) {
      return;
    }
    volumes =
        new VolumeRestorer(client)
            .restore(
                new VolumeRestoreRequest(
                    plan.backupName(),
                    plan.source(),
                    this.plan.target().namespace(),
                    Map.of(),
                    this.plan.restoreId().toLowerCase(Locale.ROOT),
                    claims));
    for (VolumeRestoreReport.Result r : volumes.volumes()) {
      if (r.status() != VolumeRestoreReport.Status.FAILED) {
        fromSnapshots.put(r.pvc(), r);
      }
    }
  }

  /**
   * The result of a claim the volume restorer took care of, or of a PV bound to one; null for every
   * other object, which is written as planned.
   */
  private ObjectResult snapshotRestored(PlannedObject o) {
    if (fromSnapshots.isEmpty()) {
      return null;
    }
    String kind = o.archived().kind();
    String claim =
        kind.equals("PersistentVolumeClaim")
            ? o.archived().name()
            : o.archived().object().path("spec").path("claimRef").path("name").asText(null);
    VolumeRestoreReport.Result r =
        plan.volumes().covers(o.archived()) && claim != null ? fromSnapshots.get(claim) : null;
    if (r == null) {
      return null;
    }
    if (kind.equals("PersistentVolume")) {
      return new ObjectResult(
          o.typeDirectory(),
          o.namespace(),
          o.name(),
          Outcome.SKIPPED,
          "its claim " + claim + " comes from " + plan.volumes().backup() + " on a new volume");
    }
    boolean created = r.status() == VolumeRestoreReport.Status.CREATED;
    return new ObjectResult(
        o.typeDirectory(),
        o.namespace(),
        o.name(),
        created ? Outcome.CREATED : Outcome.SKIPPED,
        created
            ? "from VolumeSnapshot "
                + r.volumeSnapshot()
                + " of "
                + plan.volumes().backup()
                + " ("
                + r.detail()
                + ")"
            : r.detail());
  }

  private void write(
      List<PlannedObject> batch,
      List<Integer> indexes,
      ObjectResult[] outcomes,
      ExecutorService pool) {
    List<CompletableFuture<Void>> writes = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      PlannedObject o = batch.get(i);
      writes.add(CompletableFuture.runAsync(() -> outcomes[i] = writer.write(o), pool));
    }
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** {@code <plural>.<group>}: the type a CRD serves. */
  private static String servedType(PlannedObject definition) {
    var spec = definition.object().path("spec");
    return spec.path("names").path("plural").asText() + "." + spec.path("group").asText();
  }

  /**
   * Waits for each written CRD (name to served type); one that never gets Established fails its own
   * objects.
   */
  private void awaitEstablished(Map<String, String> written) {
    RestoreOptions options = plan.options();
    for (Map.Entry<String, String> definition : written.entrySet()) {
      String name = definition.getKey();
      try {
        ClusterWriter.await(
            poll,
            () -> established(name),
            options.crdTimeout(),
            options.pollInterval(),
            "CustomResourceDefinition " + name + " did not become Established");
      } catch (IllegalStateException e) {
        notEstablished.put(definition.getValue(), e.getMessage());
      }
    }
  }

  private boolean established(String name) {
    try {
      CustomResourceDefinition definition =
          client.apiextensions().v1().customResourceDefinitions().withName(name).get();
      return definition != null
          && definition.getStatus() != null
          && definition.getStatus().getConditions().stream()
              .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
      return false;
    }
  }

  /** Discovery, refreshed after the CRDs: each served type and whether it is namespaced. */
  private Map<String, Boolean> servedTypes() {
    Map<String, Boolean> served = new HashMap<>();
    for (var type : Discovery.discover(client).types()) {
      served.put(type.typeDirectory(), type.namespaced());
    }
    return served;
  }

  private static ObjectResult failed(PlannedObject o, String reason) {
    return new ObjectResult(o.typeDirectory(), o.namespace(), o.name(), Outcome.FAILED, reason);
  }

  private static ObjectResult notRestored(PlannedObject o) {
    Outcome outcome = o.action() == PlannedObject.Action.FAIL ? Outcome.FAILED : Outcome.SKIPPED;
    return new ObjectResult(o.typeDirectory(), o.namespace(), o.name(), outcome, o.reason());
  }

  private void renewIfDue() {
    Duration third = plan.options().leaseTtl().dividedBy(3);
    if (clock.instant().isAfter(renewed.plus(third))) {
      lease.renew();
      renewed = clock.instant();
    }
  }
}
