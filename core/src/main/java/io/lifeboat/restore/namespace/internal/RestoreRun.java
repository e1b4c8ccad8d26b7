package io.lifeboat.restore.namespace.internal;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.export.internal.Discovery;
import io.lifeboat.export.internal.KubeFailures;
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
import java.util.stream.Collectors;

/**
 * One execution of a plan: CRDs first, waited on until Established (with a deadline), discovery
 * refreshed, then every other type in plan order, the objects of one type written concurrently. The
 * lease is renewed between types when a third of its time has passed.
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
  private final ClusterWriter writer;
  private final ObjectResult[] results;
  private final Map<String, String> notEstablished = new HashMap<>();
  private final Map<String, VolumeRestoreReport.Result> fromSnapshots = new HashMap<>();
  private VolumeRestoreReport volumes;
  private boolean volumesDone;
  private Instant renewed;

  public RestoreRun(KubernetesClient client, RestorePlan plan, Lease lease, Clock clock) {
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
            options.pollInterval());
    this.results = new ObjectResult[plan.objects().size()];
  }

  public RestoreReport run() {
    Instant started = clock.instant();
    renewed = started;
    Map<String, List<Integer>> byType = new LinkedHashMap<>();
    for (int i = 0; i < results.length; i++) {
      PlannedObject o = plan.objects().get(i);
      if (o.action() == PlannedObject.Action.RESTORE) {
        byType.computeIfAbsent(o.typeDirectory(), t -> new ArrayList<>()).add(i);
      } else {
        results[i] = notRestored(o);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(plan.options().parallelism());
    try {
      Set<String> served = null;
      for (Map.Entry<String, List<Integer>> type : byType.entrySet()) {
        boolean definitions = RestoreOrder.isCustomResourceDefinitions(type.getKey());
        if (!definitions && !volumesDone && !type.getKey().equals("namespaces")) {
          restoreVolumes();
          renewIfDue();
        }
        List<Integer> indexes = withoutSnapshotRestored(type.getValue());
        if (!definitions && served == null) {
          served = servedTypes();
        }
        if (!definitions && !served.contains(type.getKey())) {
          fail(indexes, "type " + type.getKey() + " is not served by the API server");
        } else if (notEstablished.containsKey(type.getKey())) {
          fail(indexes, notEstablished.get(type.getKey()));
        } else {
          write(indexes, pool);
        }
        if (definitions) {
          awaitEstablished(type.getValue());
        }
        renewIfDue();
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
        List.of(results),
        new RestoreReport.Volumes(
            plan.volumes().decision(),
            plan.volumes().backupName(),
            volumes == null ? List.of() : volumes.volumes()));
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
    for (PlannedObject o : this.plan.objects()) {
      if (o.action() == PlannedObject.Action.RESTORE
          && o.archived().kind().equals("PersistentVolumeClaim")
          && plan.covers(o.archived())) {
        claims.add(o.archived().name());
      }
    }
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
   * Records the claims the volume restorer took care of, and the PVs bound to them, and returns the
   * other indexes, which are written as planned.
   */
  private List<Integer> withoutSnapshotRestored(List<Integer> indexes) {
    if (fromSnapshots.isEmpty()) {
      return indexes;
    }
    List<Integer> rest = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      PlannedObject o = plan.objects().get(i);
      String kind = o.archived().kind();
      String claim =
          kind.equals("PersistentVolumeClaim")
              ? o.archived().name()
              : o.archived().object().path("spec").path("claimRef").path("name").asText(null);
      VolumeRestoreReport.Result r =
          plan.volumes().covers(o.archived()) && claim != null ? fromSnapshots.get(claim) : null;
      if (r == null) {
        rest.add(i);
      } else if (kind.equals("PersistentVolume")) {
        results[i] =
            new ObjectResult(
                o.typeDirectory(),
                o.namespace(),
                o.name(),
                Outcome.SKIPPED,
                "its claim "
                    + claim
                    + " comes from "
                    + plan.volumes().backup()
                    + " on a new volume");
      } else {
        boolean created = r.status() == VolumeRestoreReport.Status.CREATED;
        results[i] =
            new ObjectResult(
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
    }
    return rest;
  }

  private void write(List<Integer> indexes, ExecutorService pool) {
    List<CompletableFuture<Void>> writes = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      PlannedObject o = plan.objects().get(i);
      writes.add(CompletableFuture.runAsync(() -> results[i] = writer.write(o), pool));
    }
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Waits for each written CRD; one that never gets Established fails its own objects. */
  private void awaitEstablished(List<Integer> indexes) {
    RestoreOptions options = plan.options();
    for (int i : indexes) {
      if (results[i].outcome() == Outcome.FAILED) {
        continue;
      }
      String name = plan.objects().get(i).name();
      var definition = plan.objects().get(i).object().path("spec");
      String type =
          definition.path("names").path("plural").asText()
              + "."
              + definition.path("group").asText();
      try {
        ClusterWriter.await(
            () -> established(name),
            options.crdTimeout(),
            options.pollInterval(),
            "CustomResourceDefinition " + name + " did not become Established");
      } catch (IllegalStateException e) {
        notEstablished.put(type, e.getMessage());
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

  /** Discovery, refreshed after the CRDs, so their types are known before their objects go. */
  private Set<String> servedTypes() {
    return Discovery.discover(client).types().stream()
        .map(t -> t.typeDirectory())
        .collect(Collectors.toSet());
  }

  private void fail(List<Integer> indexes, String reason) {
    for (int i : indexes) {
      PlannedObject o = plan.objects().get(i);
      results[i] =
          new ObjectResult(o.typeDirectory(), o.namespace(), o.name(), Outcome.FAILED, reason);
    }
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
