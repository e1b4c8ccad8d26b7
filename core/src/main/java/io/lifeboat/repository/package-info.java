/**
 * The repository format and the marker protocol (docs/architecture.md, "Marker protocol as built"),
 * on top of any {@link io.lifeboat.store.ObjectStore}.
 *
 * <p>{@link io.lifeboat.repository.RepositoryLayout} alone builds keys. A backup writes its data
 * objects under {@code data/<kind>/<scope>/<id>/}, then commits by creating {@code
 * catalog/<kind>/<scope>/<id>.json} (the {@link io.lifeboat.repository.Manifest}) with
 * put-if-absent: a backup exists exactly when its catalog entry does. Scheduled runs first claim
 * {@code claims/<kind>/<scope>/<slot>} with put-if-absent, so at most one run per slot ever writes.
 * Prune and restore hold {@link io.lifeboat.repository.Lease}s under {@code leases/}.
 *
 * <p>The bucket is untrusted input: whoever holds backup credentials can put anything under the
 * prefix. {@link io.lifeboat.repository.Catalog} is the one owner of which entries count: an entry
 * counts only when its dates agree with the store's clock ({@link
 * io.lifeboat.repository.CatalogRules}) and its manifest validates against its key and its data
 * ({@link io.lifeboat.repository.ManifestCheck}); {@code latest}, list, restore and verify go
 * through it, and so does prune.
 *
 * <p>This package must never delete a catalog entry outside a held prune lease, never overwrite a
 * catalog entry, and never list or read backups on a backup run's path (backup credentials allow
 * only puts and reading {@code lifeboat.json}).
 */
package io.lifeboat.repository;
