/**
 * Namespace restore: reads a namespace backup's archive (verifying every stored byte against the
 * manifest), plans every object ({@link io.lifeboat.restore.namespace.RestoreOrder}, {@link
 * io.lifeboat.restore.namespace.ObjectCleaner}, {@link
 * io.lifeboat.restore.namespace.ResourceModifiers}) and where its PVCs come from ({@link
 * io.lifeboat.restore.namespace.VolumeBackupChoice}: a volumes backup's snapshots or the archive),
 * then executes the plan under the restore lease and stores a per-object report under {@code
 * restores/}.
 *
 * <p>The bucket is untrusted input (a backup identity can write a self-consistent forged backup):
 * {@link io.lifeboat.restore.namespace.Placement} pins every object to its archive path's
 * namespace, {@link io.lifeboat.restore.namespace.RestoreLimits} bound what is read, and the
 * objects wait in a private spill file and are decided a batch at a time ({@link
 * io.lifeboat.restore.namespace.PlannedObjects}).
 *
 * <p>This package must never write to the cluster while planning, never write an object anywhere
 * but the namespace its archive path names (mapped), never log object contents or Secret data nor
 * put them in a reason (reasons name the object, the rule and the JSON pointer), never hold the
 * whole archive in memory, and never abort a restore for one refused object (it is a failure in the
 * report, exit 3); only an unreachable API server (exit 4), a held lease (exit 11) or a corrupt or
 * oversized archive (exit 6) stop it.
 */
package io.lifeboat.restore.namespace;
