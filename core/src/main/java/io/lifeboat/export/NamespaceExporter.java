package io.lifeboat.export;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.export.internal.DiscoveryOnce;
import io.lifeboat.export.internal.ExportRun;
import io.lifeboat.export.internal.ExportTally;
import io.lifeboat.kube.ClusterIdentity;
import io.lifeboat.kube.Discovery;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.progress.Progress;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.Encryption;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.text.Count;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Exports one namespace's objects into the repository as one backup (kind {@code namespace}, scope
 * {@code <cluster>/<namespace>}): discovery, paged lists streamed through tar, the encoder and the
 * store, then the catalog entry. The backup path needs only put rights on the store.
 */
public final class NamespaceExporter {
  private static final Logger LOG = Logger.getLogger(NamespaceExporter.class);

  /** How long an export may run when the caller names no deadline (a manual run). */
  public static final Duration DEFAULT_DEADLINE = Duration.ofHours(2);

  /**
   * Exports now, claiming nothing (a manual run: {@code request.slot()} must be null), through
   * {@link ClaimedRun}; a failure is thrown.
   */
  public ExportReport export(ExportRequest request) {
    if (request.slot() != null) {
      throw new IllegalArgumentException("a scheduled export claims its slot: use run(...)");
    }
    var result = (ClaimedRun.Result.Committed) run(request, "lifeboat", DEFAULT_DEADLINE).orThrow();
    return ExportReport.committed(result.manifest());
  }

  /**
   * One namespace through {@link ClaimedRun}: claims {@code request.slot()} when it is set, exports
   * and commits, all within {@code deadline}. Skipped when another run owns the slot.
   */
  public ClaimedRun.Result run(ExportRequest request, String runner, Duration deadline) {
    return run(request, runner, deadline, Progress.NONE);
  }

  /**
   * As {@link #run(ExportRequest, String, Duration)}, telling {@code progress} each object written
   * to the archive (the subject is the backup; no total is known).
   */
  public ClaimedRun.Result run(
      ExportRequest request, String runner, Duration deadline, Progress progress) {
    return run(request, runner, deadline, new DiscoveryOnce(request.client()), progress);
  }

  private ClaimedRun.Result run(
      ExportRequest request,
      String runner,
      Duration deadline,
      DiscoveryOnce discovery,
      Progress progress) {
    return new ClaimedRun(request.repository(), runner, deadline)
        .run(
            Kind.NAMESPACE,
            request.scope(),
            request.slot(),
            pending -> write(request, pending, discovery.get(), Progress.orNone(progress)),
            NamespaceExporter::summary);
  }

  /**
   * Every namespace the selection's namespace globs take, each exported as its own backup ({@code
   * template}'s namespace is replaced); a template with a slot claims it per namespace. A failed
   * namespace does not stop the others: its result says so.
   */
  public List<ClaimedRun.Result> exportSelected(
      ExportRequest template, String runner, Duration deadline) {
    List<String> selected = selectNamespaces(template.client(), template.selection());
    return exportSelected(template, selected, runner, deadline, Progress.NONE).results();
  }

  /** As below, telling nobody of progress. */
  public ShardRun exportSelected(
      ExportRequest template, List<String> selected, String runner, Duration deadline) {
    return exportSelected(template, selected, runner, deadline, Progress.NONE);
  }

  /**
   * The namespaces of {@code selected} (listed once by the caller) that {@code template.shard()}
   * owns, one after another, each claimed per slot as {@link #run} does: a retried or duplicated
   * shard finds the slots its namespaces already committed and skips them. The cluster's types are
   * discovered once for the whole run (the first namespace that needs them; a failed discovery is
   * that namespace's failure and is tried again by the next). {@code progress} hears of each
   * namespace's objects in turn.
   */
  public ShardRun exportSelected(
      ExportRequest template,
      List<String> selected,
      String runner,
      Duration deadline,
      Progress progress) {
    Shard shard = template.shard();
    List<String> owned = selected.stream().filter(shard::owns).toList();
    LOG.infof(
        "namespace export shard %s: %d of %d selected namespaces",
        shard, owned.size(), selected.size());
    DiscoveryOnce discovery = new DiscoveryOnce(template.client());
    List<ClaimedRun.Result> results = new ArrayList<>();
    for (String namespace : owned) {
      results.add(run(template.forNamespace(namespace), runner, deadline, discovery, progress));
    }
    ShardRun run = new ShardRun(shard, selected.size(), results);
    LOG.info(run.summary());
    return run;
  }

  /** The names of the cluster's namespaces that {@code selection} includes, sorted. */
  public static List<String> selectNamespaces(KubernetesClient client, Selection selection) {
    try {
      return client.namespaces().list().getItems().stream()
          .map(n -> n.getMetadata().getName())
          .filter(selection::includesNamespace)
          .sorted()
          .toList();
    } catch (KubernetesClientException e) {
      throw KubeFailures.unavailable(e, String.valueOf(client.getMasterUrl()));
    }
  }

  private PendingBackup.Contents write(
      ExportRequest request, PendingBackup pending, Discovery.Result discovery, Progress progress) {
    long started = System.nanoTime();
    LOG.infof("namespace export %s started", pending.ref());
    progress.started(pending.ref().toString());
    ExportRun run =
        new ExportRun(
            request.client(),
            request.namespace(),
            request.selection(),
            request.pageSize(),
            request.listener(),
            progress);
    String name = request.encoding().storedName(ArchiveLayout.PAYLOAD);
    PayloadStream.Written<ExportTally> written =
        PayloadStream.write(
            pending, name, request.encoding(), writer -> run.run(discovery, writer));
    ExportTally tally = written.result();
    List<String> warnings = new ArrayList<>(tally.warnings());
    String kubeSystemUid = ClusterIdentity.kubeSystemUid(request.client(), warnings);
    ExportSource source = run.source(request.shard().sharded() ? request.shard().toString() : null);
    LOG.infof(
        "namespace export %s: %s, %d skipped, %s, %s -> %d bytes in %d ms",
        pending.ref(),
        Count.of(source.objects(), "object"),
        source.skipped().stream().mapToLong(ExportSource.Skipped::count).sum(),
        Count.of(warnings.size(), "warning"),
        Count.of(tally.failures().size(), "failure"),
        written.object().size(),
        (System.nanoTime() - started) / 1_000_000);
    return new PendingBackup.Contents(
        Json.tree(source),
        List.of(written.object()),
        Encryption.COMPRESSION_ZSTD,
        Encryption.of(request.encoding().recipients().fingerprints()),
        kubeSystemUid,
        warnings,
        tally.failures());
  }

  /** The end-of-export line: done, or partial with the number of failed items. */
  public static String summary(Manifest manifest) {
    return "namespace export "
        + manifest.scope()
        + "/"
        + manifest.id()
        + (manifest.partial()
            ? ": partial, " + Count.of(manifest.failures().size(), "item") + " failed"
            : ": done");
  }
}
