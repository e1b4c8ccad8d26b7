package io.lifeboat.export;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/**
 * Progress of an export, page by page. The exporter holds one page at a time: once this call
 * returns for a page, the page's objects are written and the exporter keeps no reference to them.
 * Implementations must not log object contents (pages hold Secrets).
 */
@FunctionalInterface
public interface ExportListener {
  ExportListener NONE = (typeDirectory, page) -> {};

  /** A page of {@code typeDirectory} (e.g. {@code deployments.apps}) arrived from the API. */
  void pageListed(String typeDirectory, List<GenericKubernetesResource> page);
}
