package io.lifeboat.functions.http;

/**
 * The body of {@code POST /namespaceExport}; which namespaces is config ({@code
 * lifeboat.export.*}), not a request field, so a caller cannot widen what the function reads.
 *
 * @param slot as in {@link EtcdSnapshotRequest#slot()}, with {@code
 *     lifeboat.tasks.namespace-export.schedule}
 */
public record NamespaceExportRequest(String slot) {}
