package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.schedule.Slot;
import io.lifeboat.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Builds the namespace export from config: one backup per selected namespace. */
public final class ExportTasks {
  /** How long one namespace's export may run (its claim outlives it by ClaimedRun's margin). */
  static final Duration DEADLINE = NamespaceExporter.DEFAULT_DEADLINE;

  private ExportTasks() {}

  public static Selection selection(ExportConfig export) {
    return new Selection(
        export.namespaces(),
        export.excludeNamespaces().orElse(List.of()),
        export.resources().orElse(List.of()),
        export.excludeResources().orElse(List.of()),
        export
            .labelSelectors()
            .map(
                s ->
                    Arrays.stream(s.split(";"))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList())
            .orElse(List.of()),
        export.includeClusterResources());
  }

  public static List<ClaimedRun.Result> export(
      LifeboatConfig config,
      ExportConfig export,
      KubernetesClient client,
      ObjectStore store,
      RunTrigger trigger,
      Clock clock) {
    return export(config, export, client, store, trigger, clock, Progress.NONE);
  }

  /** As above, telling {@code progress} each namespace's objects as they are written. */
  public static List<ClaimedRun.Result> export(
      LifeboatConfig config,
      ExportConfig export,
      KubernetesClient client,
      ObjectStore store,
      RunTrigger trigger,
      Clock clock,
      Progress progress) {
    ClusterName cluster = Tasks.cluster(config);
    Encoding encoding = Tasks.encoding(config, Encoding.DEFAULT_LEVEL);
    Repository repository = new Repository(store, clock);
    repository.openForBackup(encoding.recipients().fingerprints());
    Selection selection = selection(export);
    List<String> namespaces = NamespaceExporter.selectNamespaces(client, selection);
    if (namespaces.isEmpty()) {
      throw new InvalidConfigurationException(
          "lifeboat.export.namespaces "
              + export.namespaces()
              + " selects no namespace of the cluster");
    }
    String slot = trigger.slotToClaim().map(Slot::keySegment).orElse(null);
    ExportRequest template =
        new ExportRequest(
            client,
            repository,
            Scope.namespace(cluster, namespaces.get(0)),
            slot,
            selection,
            encoding,
            export.pageSize(),
            null);
    return new NamespaceExporter().exportSelected(template, Tasks.runner(), DEADLINE, progress);
  }

  /**
   * 0 when every namespace committed (or was skipped), 3 when any export is partial, a failed
   * namespace's own code when one failed.
   */
  public static ExitCode exitCode(List<ClaimedRun.Result> results) {
    return results.stream()
        .filter(r -> r instanceof ClaimedRun.Result.Failed)
        .map(ClaimedRun.Result::exitCode)
        .findFirst()
        .orElse(
            results.stream().anyMatch(r -> r.exitCode() == ExitCode.PARTIAL)
                ? ExitCode.PARTIAL
                : ExitCode.OK);
  }
}
