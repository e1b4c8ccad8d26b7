package io.lifeboat.export.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.export.archive.ArchiveWriter;
import io.lifeboat.kube.ApiType;
import io.lifeboat.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where every selected object goes: skipped with a counted reason, or written to the archive as the
 * API returned it minus {@code metadata.managedFields}.
 */
final class ArchiveSink {
  private final ArchiveWriter writer;
  private final KubernetesSerialization serialization;
  private final ExportTally tally;
  private final Progress progress;
  private long written;

  ArchiveSink(
      ArchiveWriter writer,
      KubernetesSerialization serialization,
      ExportTally tally,
      Progress progress) {
    this.writer = writer;
    this.serialization = serialization;
    this.tally = tally;
    this.progress = progress;
  }

  /** Writes {@code object} unless a skip rule keeps it out; true when written. */
  boolean take(ApiType type, GenericKubernetesResource object) {
    Optional<String> reason = SkipRules.reason(type, object);
    if (reason.isPresent()) {
      tally.skipped(type, reason.get());
      return false;
    }
    object.getMetadata().setManagedFields(null);
    String name = object.getMetadata().getName();
    String path =
        type.namespaced()
            ? ArchiveLayout.namespacedObject(
                type.typeDirectory(), object.getMetadata().getNamespace(), name)
            : ArchiveLayout.clusterObject(type.typeDirectory(), name);
    try {
      writer.write(path, serialization.asJson(object).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("writing '" + path + "' to the archive failed", e);
    }
    tally.exported(type);
    progress.advanced(++written, Progress.UNKNOWN);
    return true;
  }
}
