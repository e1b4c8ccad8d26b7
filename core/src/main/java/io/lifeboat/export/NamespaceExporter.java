package io.lifeboat.export;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.export.internal.ClusterIdentity;
import io.lifeboat.export.internal.Discovery;
import io.lifeboat.export.internal.ExportRun;
import io.lifeboat.export.internal.ExportTally;
import io.lifeboat.export.internal.KubeFailures;
import io.lifeboat.repository.ClaimTicket;
import io.lifeboat.repository.Encryption;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.repository.Repository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Exports one namespace's objects into the repository as one backup (kind {@code namespace}, scope
 * {@code <cluster>/<namespace>}): discovery, paged lists streamed through tar, the encoder and the
 * store, then the catalog entry. The backup path needs only put rights on the store.
 */
public final class NamespaceExporter {
  private static final Logger LOG = Logger.getLogger(NamespaceExporter.class);

  /** Exports now, claiming nothing (a manual run, or a caller that claimed already). */
  public ExportReport export(ExportRequest request) {
    return commit(
        request, request.repository().begin(Kind.NAMESPACE, request.scope(), request.slot()));
  }

  /**
   * A scheduled run: claims {@code request.slot()} for this namespace (or takes over the claim of a
   * run that failed or expired), then exports and commits. When another run owns the slot, nothing
   * is written and the report says {@code SKIPPED} (exit 0). A failed export marks its claim failed
   * so a retry of the slot may run.
   */
  public ExportReport claimAndExport(ExportRequest request, String runner, Duration claimTtl) {
    if (request.slot() == null) {
      throw new IllegalArgumentException("a scheduled export needs a slot");
    }
    Repository repository = request.repository();
    PendingBackup pending = repository.begin(Kind.NAMESPACE, request.scope(), request.slot());
    Optional<ClaimTicket> ticket =
        repository.claim(Kind.NAMESPACE, request.scope(), request.slot(), runner, claimTtl);
    if (ticket.isEmpty()) {
      LOG.infof(
          "namespace export of %s skipped: slot %s already claimed",
          request.scope(), request.slot());
      return ExportReport.skipped(pending.ref());
    }
    try {
      ExportReport report = commit(request, pending);
      ticket.get().done(pending.ref().id());
      return report;
    } catch (RuntimeException e) {
      ticket.get().failed();
      throw e;
    }
  }

  /**
   * Every namespace the selection's namespace globs take, each exported as its own backup ({@code
   * template}'s namespace is replaced); a template with a slot claims it per namespace.
   */
  public List<ExportReport> exportSelected(
      ExportRequest template, String runner, Duration claimTtl) {
    List<ExportReport> reports = new ArrayList<>();
    for (String namespace : selectNamespaces(template.client(), template.selection())) {
      ExportRequest request = template.forNamespace(namespace);
      reports.add(
          request.slot() == null ? export(request) : claimAndExport(request, runner, claimTtl));
    }
    return reports;
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

  private ExportReport commit(ExportRequest request, PendingBackup pending) {
    long started = System.nanoTime();
    LOG.infof("namespace export %s started", pending.ref());
    Discovery.Result discovery = Discovery.discover(request.client());
    ExportRun run =
        new ExportRun(
            request.client(),
            request.namespace(),
            request.selection(),
            request.pageSize(),
            request.listener());
    String name = request.encoding().storedName(ArchiveLayout.PAYLOAD);
    PayloadStream.Written<ExportTally> written =
        PayloadStream.write(
            pending, name, request.encoding(), writer -> run.run(discovery, writer));
    ExportTally tally = written.result();
    List<String> warnings = new ArrayList<>(tally.warnings());
    String kubeSystemUid = ClusterIdentity.kubeSystemUid(request.client(), warnings);
    ExportSource source = run.source();
    Manifest manifest =
        pending.commit(
            new PendingBackup.Contents(
                Json.tree(source),
                List.of(written.object()),
                Encryption.COMPRESSION_ZSTD,
                Encryption.of(request.encoding().recipients().fingerprints()),
                kubeSystemUid,
                warnings,
                tally.failures()));
    LOG.infof(
        "namespace export %s: %d objects, %d skipped, %d warnings, %d failures -> %d bytes in %d ms",
        pending.ref(),
        source.objects(),
        source.skipped().stream().mapToLong(ExportSource.Skipped::count).sum(),
        warnings.size(),
        manifest.failures().size(),
        written.object().size(),
        (System.nanoTime() - started) / 1_000_000);
    return ExportReport.committed(manifest);
  }
}
