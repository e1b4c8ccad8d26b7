package io.lifeboat.volumes;

import io.lifeboat.error.ExitCode;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Scope;
import java.util.List;

/** What one volumes run did, namespace by namespace. Exit 3 when any backup is partial. */
public record VolumesOutcome(List<NamespaceResult> namespaces) {
  public VolumesOutcome {
    namespaces = List.copyOf(namespaces);
  }

  public enum Status {
    COMPLETED,
    /** Committed, but some PVCs or hooks failed (listed in the manifest). */
    PARTIAL,
    /** Another run had claimed this namespace's slot. */
    SKIPPED,
    /** No PVC selected: nothing written. */
    EMPTY
  }

  /** One namespace: its status, the committed manifest (null unless committed), one line. */
  public record NamespaceResult(Scope scope, Status status, Manifest manifest, String summary) {
    public VolumesSource source() {
      return manifest == null ? null : manifest.source(VolumesSource.class);
    }
  }

  public ExitCode exitCode() {
    return namespaces.stream().anyMatch(n -> n.status() == Status.PARTIAL)
        ? ExitCode.PARTIAL
        : ExitCode.OK;
  }

  public String summary() {
    return String.join("\n", namespaces.stream().map(NamespaceResult::summary).toList());
  }

  /** The result for {@code namespace}; an IllegalArgumentException when it was not selected. */
  public NamespaceResult of(String namespace) {
    return namespaces.stream()
        .filter(n -> namespace.equals(n.scope().namespace()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("namespace " + namespace + " not in run"));
  }
}
