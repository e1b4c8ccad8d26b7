package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.export.Shard;
import io.lifeboat.export.ShardRun;
import io.lifeboat.progress.Progress;
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
import java.util.function.UnaryOperator;

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

  /** The Indexed Job's variable holding this pod's index (0-based). */
  public static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";

  /**
   * This run's shard: {@code lifeboat.export.shard} when set, else {@code JOB_COMPLETION_INDEX} of
   * {@code lifeboat.export.shards}, else the whole selection. Every bad value is a configuration
   * error naming where it came from.
   */
  public static Shard shard(ExportConfig export, UnaryOperator<String> env) {
    if (export.shard().isPresent()) {
      return Shard.parse(export.shard().get(), "lifeboat.export.shard");
    }
    int count = export.shards();
    if (count < 1) {
      throw new InvalidConfigurationException("lifeboat.export.shards must be >= 1, was " + count);
    }
    String index = env.apply(JOB_COMPLETION_INDEX);
    if (index == null || index.isBlank()) {
      if (count > 1) {
        throw new InvalidConfigurationException(
            "lifeboat.export.shards "
                + count
                + " needs "
                + JOB_COMPLETION_INDEX
                + " (an Indexed Job's pod) or lifeboat.export.shard INDEX/COUNT");
      }
      return Shard.ALL;
    }
    String given = index.strip() + "/" + count;
    if (!index.strip().matches("\\d{1,9}")) {
      throw new InvalidConfigurationException(
          JOB_COMPLETION_INDEX + " '" + index + "': not a 0-based index");
    }
    return Shard.of(
        Integer.parseInt(index.strip()),
        count,
        JOB_COMPLETION_INDEX + " with lifeboat.export.shards",
        given);
  }

  public static ShardRun export(
      LifeboatConfig config,
      ExportConfig export,
      KubernetesClient client,
      ObjectStore store,
      RunTrigger trigger,
      Clock clock) {
    return export(config, export, client, store, trigger, clock, Progress.NONE);
  }

  /** As above, telling {@code progress} each namespace's objects as they are written. */
  public static ShardRun export(
      LifeboatConfig config,
      ExportConfig export,
      KubernetesClient client,
      ObjectStore store,
      RunTrigger trigger,
      Clock clock,
      Progress progress) {
    Shard shard = shard(export, System::getenv);
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
            null,
            shard);
    return new NamespaceExporter()
        .exportSelected(template, namespaces, Tasks.runner(), DEADLINE, progress);
  }
}
