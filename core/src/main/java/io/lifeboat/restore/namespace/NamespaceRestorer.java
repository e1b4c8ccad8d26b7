package io.lifeboat.restore.namespace;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.export.ExportSource;
import io.lifeboat.export.Selection;
import io.lifeboat.kube.LabelSelector;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Lease;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.internal.ArchiveReader;
import io.lifeboat.restore.namespace.internal.RestoreRun;
import io.lifeboat.restore.namespace.internal.SpilledObjects;
import io.lifeboat.store.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Restores one namespace backup, plan then execute: {@link #plan} reads and verifies the archive
 * and decides every object's fate without touching the cluster; {@link #execute} takes the restore
 * lease on the target scope, writes the objects in {@link RestoreOrder}, and stores the report.
 */
public final class NamespaceRestorer {
  private static final Logger LOG = Logger.getLogger(NamespaceRestorer.class);

  private final Repository repository;
  private final KubernetesClient client;

  /**
   * @param client the target cluster; may be null for a restorer that only plans (render, dry run)
   */
  public NamespaceRestorer(Repository repository, KubernetesClient client) {
    this.repository = repository;
    this.client = client;
  }

  /**
   * Reads the backup (verifying every stored byte) and decides, in order, what happens. The
   * archive's objects wait on disk (a private temporary directory) and are decided a batch at a
   * time: close the plan to remove them.
   */
  public RestorePlan plan(RestoreRequest request) {
    RestoreOptions options = request.options();
    Manifest manifest = repository.manifest(request.backup());
    String sourceNamespace = manifest.source(ExportSource.class).namespace();
    String backupId = request.backup().id().toString();
    Selection selection = options.selection();
    List<LabelSelector> selectors =
        selection.labelSelectors().stream().map(LabelSelector::parse).toList();
    SpilledObjects objects =
        new SpilledObjects(
            request.limits(),
            sourceNamespace,
            type -> typeSelected(type, selection),
            o -> labelsSelected(o, selectors));
    try {
      ArchiveReader.read(
          repository.store(), manifest, request.decoding(), request.limits(), objects);
      objects.finish(owners -> planner(owners, options, backupId, sourceNamespace));
      Scope target =
          Scope.namespace(request.targetCluster(), options.mapping().map(sourceNamespace));
      String restoreId = BackupId.next(repository.clock().instant()).toString();
      VolumesPlan volumes = VolumesPlan.decide(repository, options.volumes(), request.backup());
      return new RestorePlan(
          restoreId,
          request.backup(),
          target,
          options,
          objects,
          objects.excluded(),
          request.runner(),
          volumes);
    } catch (RuntimeException e) {
      objects.close();
      throw e;
    }
  }

  /**
   * What happens to each archived object of a backup of {@code sourceNamespace}, in restore order:
   * the selection, {@link Placement}, {@link RestoreOrder}, {@link ObjectCleaner} and the resource
   * modifiers. A pure function of its arguments, all in memory; objects the selection leaves out
   * are not in the result.
   */
  public static List<PlannedObject> decide(
      List<ArchivedObject> archived,
      RestoreOptions options,
      String backupId,
      String sourceNamespace) {
    List<LabelSelector> selectors =
        options.selection().labelSelectors().stream().map(LabelSelector::parse).toList();
    List<ArchivedObject> selected = new ArrayList<>();
    for (ArchivedObject o : archived) {
      if (typeSelected(o.typeDirectory(), options.selection()) && labelsSelected(o, selectors)) {
        selected.add(o);
      }
    }
    selected.sort(RestoreOrder.OBJECTS);
    ObjectCleaner.Owners owners = new ObjectCleaner.Owners();
    selected.stream()
        .filter(o -> Placement.refusal(o, sourceNamespace).isEmpty())
        .forEach(owners::add);
    ObjectPlanner planner = planner(owners, options, backupId, sourceNamespace);
    return selected.stream().map(planner::plan).toList();
  }

  private static ObjectPlanner planner(
      ObjectCleaner.Owners owners, RestoreOptions options, String backupId, String source) {
    ObjectCleaner cleaner =
        new ObjectCleaner(owners, options.mapping(), backupId, options.preserveNodePorts());
    return new ObjectPlanner(cleaner, options, source);
  }

  /**
   * Executes {@code plan} under the restore lease of its target scope ({@link
   * io.lifeboat.error.AlreadyLockedException}, exit 11, while another restore holds it) and stores
   * the report. Objects the API refuses are failures in the report, not exceptions. The lease also
   * names the chosen volumes backup, so prune leaves it alone while the restore runs.
   */
  public RestoreReport execute(RestorePlan plan) {
    return execute(plan, Progress.NONE);
  }

  /**
   * As {@link #execute(RestorePlan)}, telling {@code progress} the planned objects settled
   * (written, skipped or failed) of all the plan holds, after each batch; the subject is the target
   * scope.
   */
  public RestoreReport execute(RestorePlan plan, Progress progress) {
    if (client == null) {
      throw new InvalidConfigurationException("a restore needs a Kubernetes client");
    }
    String leaseKey = RepositoryLayout.restoreLease(Kind.NAMESPACE, plan.target());
    Leases leases = new Leases(repository.store(), repository.clock());
    LOG.infof(
        "namespace restore %s of %s into %s started",
        plan.restoreId(), plan.backup(), plan.target());
    try (Lease lease =
        leases.acquire(
            leaseKey,
            plan.runner(),
            "namespace restore " + plan.restoreId(),
            plan.options().leaseTtl(),
            leasedBackups(plan))) {
      RestoreReport report =
          new RestoreRun(client, plan, lease, repository.clock(), Progress.orNone(progress)).run();
      String key = RepositoryLayout.restoreReport(Kind.NAMESPACE, plan.target(), plan.restoreId());
      repository.store().put(key, Json.write(report), Condition.ifAbsent());
      LOG.info(report.summary());
      return report;
    }
  }

  private static List<String> leasedBackups(RestorePlan plan) {
    List<String> keys = new ArrayList<>(List.of(plan.backup().catalogKey()));
    if (plan.volumes().fromSnapshots()) {
      keys.add(plan.volumes().backup().catalogKey());
    }
    return keys;
  }

  private static boolean typeSelected(String type, Selection selection) {
    int dot = type.indexOf('.');
    String resource = dot < 0 ? type : type.substring(0, dot);
    String group = dot < 0 ? "" : type.substring(dot + 1);
    return selection.includesResource(resource, group);
  }

  private static boolean labelsSelected(ArchivedObject o, List<LabelSelector> selectors) {
    if (selectors.isEmpty() || o.kind().equals("Namespace")) {
      return true;
    }
    Map<String, String> labels = new HashMap<>();
    o.object()
        .path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return selectors.stream().anyMatch(s -> s.matches(labels));
  }
}
