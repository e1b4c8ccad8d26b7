/**
 * Prune: deletes the backups a kind's retention policy no longer keeps, and garbage, under the
 * prune lease of DESIGN.md's marker protocol (step 4). Plan, then execute: {@link
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
 * <p>Data presence is decided from one listing of {@code data/<kind>/<scope>/}, not by reading
 * manifests: an entry counts when its folder {@code data/<kind>/<scope>/<id>/} holds at least one
 * object. Reading every manifest to compare object names would cost one GET per backup (100,000 for
 * a large repository) and buys no safety against forgery: whoever can write a catalog entry (backup
 * credentials can put anywhere under the prefix) can write the objects it names too. The check
 * exists to keep broken entries from being counted; what protects real backups from forged ones is
 * that the newest complete backup is always kept and future-dated entries are ignored ({@code
 * retention}). Partial or corrupt data is {@code lifeboat verify}'s job, which reads every byte.
 *
 * <p>Garbage, each deleted only when older than the grace period (default 24 h, at least twice the
 * longest backup run): data folders without a catalog entry, aged by the later of their id's time
 * and their newest object, so a backup still being written is never garbage; claims, aged by their
 * last write; incomplete uploads under the scope's data, aged by their start. Younger ones are
 * reported as spared. Folders not named like a backup id, and entries ignored by the policy (dated
 * in the future, or data missing), are left alone and reported.
 *
 * <p>What it must never do: delete the newest complete backup of a scope (the policy always keeps
 * it); delete a backup a live restore lease names (by catalog key or id); delete the data of a
 * backup whose catalog entry the store refused to delete; treat a refusal by the store (S3 Object
 * Lock retention, AccessDenied on delete) as an error: such keys are skipped and reported; prune
 * {@code volumes} without an {@link io.lifeboat.prune.ExternalResources} that covers them, which
 * would leak their storage snapshots.
 */
package io.lifeboat.prune;
