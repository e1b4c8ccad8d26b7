/**
 * Namespace restore: reads a namespace backup's archive (verifying every stored byte against the
 * manifest), plans every object ({@link io.lifeboat.restore.namespace.RestoreOrder}, {@link
 * io.lifeboat.restore.namespace.ObjectCleaner}, {@link
 * io.lifeboat.restore.namespace.ResourceModifiers}) and where its PVCs come from ({@link
 * io.lifeboat.restore.namespace.VolumeBackupChoice}: a volumes backup's snapshots or the archive),
 * then executes the plan under the restore lease and stores a per-object report under {@code
 * restores/}.
 *
 * <p>This package must never write to the cluster while planning, never log object contents or
 * Secret data, and never abort a restore for one refused object (it is a failure in the report,
 * exit 3); only an unreachable API server (exit 4), a held lease (exit 11) or a corrupt archive
 * (exit 6) stop it.
 */
package io.lifeboat.restore.namespace;
