/**
 * Namespace export: one backup per namespace (kind {@code namespace}, scope {@code
 * <cluster>/<namespace>}) holding every object of the namespace, the way the API serves it, in the
 * archive documented in {@link io.lifeboat.export.archive}.
 *
 * <p>{@link io.lifeboat.export.NamespaceExporter} discovers every API type at run time (preferred
 * versions, custom resources included; a group whose discovery fails is a warning), lists each
 * selected type in pages of 500 and streams each object through tar, the {@link
 * io.lifeboat.export.PayloadEncoder} (zstd, age) and the store as it arrives, so memory stays flat
 * whatever the object count. Objects that must never come back (events, finished pods, mirror pods,
 * completed Jobs, objects labelled {@code lifeboat.io/exclude=true}) are counted with their reason
 * in the manifest, not exported. A type that cannot be listed is an item failure (the backup still
 * commits, exit 3); an unreachable API server aborts with no catalog entry (exit 4).
 *
 * <p>This package must never log object contents or Secret data, never hold more than one page of
 * objects, never read, list or delete anything in the repository (a backup run holds put-only
 * credentials), and never write to the cluster.
 */
package io.lifeboat.export;
