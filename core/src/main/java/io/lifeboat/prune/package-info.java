/**
 * Prune: deletes the backups a kind's retention policy no longer keeps, and garbage, under the
 * prune lease of the marker protocol (docs/architecture.md, step 7). Plan, then execute: {@link
 * io.lifeboat.prune.PrunePlanner} decides from listings, {@link io.lifeboat.prune.PruneExecutor}
 * deletes, {@link io.lifeboat.prune.Pruner} ties them to the lease.
 *
 * <p>Order. The plan (every key to delete) is written into the lease before anything is deleted, so
 * a prune that dies is finished by the next one, which inherits the plan once the lease expires.
 * All catalog entries go first, then each backup's data folder (after {@link
 * io.lifeboat.prune.ExternalResources} reclaimed what it holds outside the store), then garbage
 * claims; deletes go 1,000 keys per request. A backup without its catalog entry is invisible to
 * list and restore, so a prune interrupted between the two leaves garbage, never a broken backup.
 *
 * <p>Which entries count is {@link io.lifeboat.repository.Catalog}'s decision, not prune's: one
 * LIST of the catalog and one of the data judge every entry by the store's clock (back-dated,
 * future-dated), its size and whether its data folder holds anything; {@link
 * io.lifeboat.prune.CountedDecision} then reads the manifests of the entries the policy would keep,
 * and of the oldest, and decides again without any that fail. Reading all 100,000 manifests of a
 * large catalog on every prune would cost 100,000 GETs; reading the keepers costs a few dozen, and
 * an entry the policy removes needs no reading because its validity changes no other verdict. A
 * forger who can put objects can still write well-formed entries with data of the recorded sizes
 * dated now: they take the current periods' slots, never an earlier period's (that entry would be
 * back-dated).
 *
 * <p>A lease's inherited plan is a hint, not an order ({@link io.lifeboat.prune.InheritedPlan}): a
 * forged lease may name anything, so only keys this prune's own plan deletes, and abandoned data
 * folders, are deleted from it.
 *
 * <p>Garbage, each deleted only when older than the grace period (default 24 h, at least twice the
 * longest backup run): data folders without a catalog entry, aged by the later of their id's time
 * and their newest object, so a backup still being written is never garbage; claims, aged by their
 * last write; incomplete uploads under the scope's data, aged by their start. Younger ones are
 * reported as spared; invalid catalog entries (with their data folder), aged by the store's clock.
 * Folders not named like a backup id, and back-dated, future-dated and newer-format entries, are
 * left alone and reported; and when a scope has entries but none counts, nothing of it is deleted.
 *
 * <p>What it must never do: delete the newest valid backup of a scope (the policy always keeps it);
 * delete anything an inherited plan names that its own plan would not delete, {@code lifeboat.json}
 * and leases above all; count an entry whose manifest the decision depends on without validating
 * it; delete a backup a live restore lease names (by catalog key or id); delete the data of a
 * backup whose catalog entry the store refused to delete; treat a refusal by the store (S3 Object
 * Lock retention, AccessDenied on delete) as an error: such keys are skipped and reported; prune
 * {@code volumes} without an {@link io.lifeboat.prune.ExternalResources} that covers them, which
 * would leak their storage snapshots.
 */
package io.lifeboat.prune;
