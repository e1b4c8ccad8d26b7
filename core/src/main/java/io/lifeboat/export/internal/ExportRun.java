package io.lifeboat.export.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.export.ExportListener;
import io.lifeboat.export.ExportSource;
import io.lifeboat.export.Selection;
import io.lifeboat.export.archive.ArchiveWriter;
import io.lifeboat.kube.ApiType;
import io.lifeboat.kube.Discovery;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.kube.LabelSelector;
import io.lifeboat.progress.Progress;
import java.util.List;

/**
 * One namespace's objects into one archive: every selected namespaced type, page by page, then the
 * cluster-scoped objects they depend on. Failures to list one type become item failures; only an
 * unreachable API server aborts.
 */
public final class ExportRun {
  private final KubernetesClient client;
  private final String namespace;
  private final Selection selection;
  private final List<LabelSelector> selectors;
  private final PagedLister lister;
  private final ExportTally tally = new ExportTally();
  private final RelatedObjects related = new RelatedObjects();
  private final Progress progress;

  public ExportRun(
      KubernetesClient client,
      String namespace,
      Selection selection,
      int pageSize,
      ExportListener listener) {
    this(client, namespace, selection, pageSize, listener, Progress.NONE);
  }

  /** As above, telling {@code progress} each object written to the archive (no total known). */
  public ExportRun(
      KubernetesClient client,
      String namespace,
      Selection selection,
      int pageSize,
      ExportListener listener,
      Progress progress) {
    this.progress = Progress.orNone(progress);
    this.client = client;
    this.namespace = namespace;
    this.selection = selection;
    this.selectors = selection.labelSelectors().stream().map(LabelSelector::parse).toList();
    this.lister = new PagedLister(client, pageSize, listener);
  }

  /** Exports into {@code writer} the types {@code discovery} found; returns the figures. */
  public ExportTally run(Discovery.Result discovery, ArchiveWriter writer) {
    discovery.warnings().forEach(tally::warn);
    ArchiveSink sink =
        new ArchiveSink(writer, client.getKubernetesSerialization(), tally, progress);
    for (ApiType type : discovery.types()) {
      if (type.namespaced() && selection.includesResource(type.resource(), type.group())) {
        exportType(type, sink);
      }
    }
    new ClusterObjects(client, lister, discovery.types(), selection, tally, sink)
        .export(namespace, related);
    return tally;
  }

  /** The manifest's facts; {@code shard} is the run's {@code i/N}, null when not sharded. */
  public ExportSource source(String shard) {
    return tally.source(namespace, selection, shard);
  }

  private void exportType(ApiType type, ArchiveSink sink) {
    tally.listed(type);
    // One selector is filtered by the server too; several are OR-ed, which the API cannot do.
    String serverSelector = selectors.size() == 1 ? selectors.get(0).toString() : null;
    try {
      lister.forEachPage(
          type, namespace, serverSelector, page -> page.forEach(o -> takeSelected(type, o, sink)));
    } catch (KubernetesClientException e) {
      KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
      tally.failed(
          type.typeDirectory() + " in " + namespace, "list failed: " + KubeFailures.describe(e));
    }
  }

  private void takeSelected(ApiType type, GenericKubernetesResource object, ArchiveSink sink) {
    var labels = object.getMetadata().getLabels();
    if (!selectors.isEmpty() && selectors.stream().noneMatch(s -> s.matches(labels))) {
      return;
    }
    if (sink.take(type, object)) {
      related.observe(type, object);
    }
  }
}
