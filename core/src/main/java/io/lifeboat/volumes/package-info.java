/**
 * Volumes: CSI VolumeSnapshots of a namespace's PVCs, recorded in the repository so they can be
 * restored from the catalog entry alone and garbage-collected even when a run dies.
 *
 * <p><b>Backup</b> ({@link io.lifeboat.volumes.VolumeSnapshotter}), per selected namespace with
 * PVCs, one backup of kind {@code volumes}, scope {@code <cluster>/<namespace>}:
 *
 * <ol>
 *   <li>claim the schedule slot (scheduled runs), as every backup does;
 *   <li>choose each PVC's VolumeSnapshotClass ({@link io.lifeboat.volumes.SnapshotClassChooser});
 *   <li>run the pods' pre hooks ({@link io.lifeboat.volumes.hooks});
 *   <li>create one VolumeSnapshot per PVC, named {@code <pvc>-<backup id in lower case>} and
 *       carrying the {@link io.lifeboat.volumes.internal.OwnershipMarks ownership marks} (labels
 *       {@code app.kubernetes.io/managed-by: lifeboat}, {@code lifeboat.io/backup-id}; annotations
 *       backup id, cluster, namespace);
 *   <li>once every snapshot is cut (bound and with a {@code creationTime}), run the post hooks
 *       (they always run once pre hooks ran, even after a failure or a deadline);
 *   <li>wait for {@code readyToUse} until the deadline; a snapshot that is not ready is deleted and
 *       its PVC recorded as failed;
 *   <li>write the payload manifest (below), <em>then</em> set every content to {@code
 *       deletionPolicy: Retain} and put the same marks on it (the CSI controller created it), so a
 *       content is never retained without being listed;
 *   <li>commit the catalog entry, whose {@code source} is a {@link
 *       io.lifeboat.volumes.VolumesSource} (per PVC: spec, labels, StorageClass, size,
 *       VolumeSnapshot, VolumeSnapshotContent, driver, {@code snapshotHandle}, {@code restoreSize},
 *       class and rule, readiness time) and whose {@code failures} name each failed PVC or hook
 *       (exit 3; the other PVCs are committed).
 * </ol>
 *
 * The VolumeSnapshots and their contents stay in the cluster (contents with {@code Retain}), so
 * deleting the namespace never deletes a backup.
 *
 * <p><b>Payload manifest</b> {@code data/volumes/<cluster>/<namespace>/<id>/manifest.json} ({@link
 * io.lifeboat.volumes.PayloadManifest}), plain JSON, neither compressed nor encrypted:
 *
 * <pre>
 * {
 *   "formatVersion": 1,
 *   "backup": "prod/shop/20261125T181500Z-3f9a",
 *   "contents": [
 *     { "name": "snapcontent-6b1f...",                          cluster-scoped VolumeSnapshotContent
 *       "volumeSnapshot": "shop/data-db-0-20261125t181500z-3f9a",  namespace/name
 *       "driver": "ebs.csi.aws.com",
 *       "snapshotHandle": "snap-0123456789abcdef0" }
 *   ]
 * }
 * </pre>
 *
 * Prune deletes a volumes backup by reading {@code contents[].name}, then for each content: patch
 * {@code spec.deletionPolicy} to {@code Delete} and delete it (the CSI driver then deletes the
 * storage snapshot; a missing content is already gone), and delete the VolumeSnapshot named in
 * {@code volumeSnapshot} if it still exists. The same applies to garbage (a payload manifest
 * without a catalog entry, older than the grace period). The backup identity can write this
 * manifest, so prune treats it as a list of places to look: it touches a content or VolumeSnapshot
 * only when its marks name exactly the backup being removed (cluster, namespace, id), the
 * VolumeSnapshot is in that namespace and bound to the listed content; anything else is left alone
 * and reported ({@link io.lifeboat.prune.PruneReport#leftAlone()}).
 *
 * <p><b>Restore</b> ({@link io.lifeboat.volumes.VolumeRestorer}) needs nothing but the {@code
 * VolumesSource}: a pre-provisioned content from the recorded handle ({@code Retain}), a
 * VolumeSnapshot bound to it, a PVC whose {@code dataSource} is that snapshot.
 *
 * <p>This package must never delete a content it did not create in the same run, never set a
 * content to {@code Delete}, and never write anything but puts to the object store on the backup
 * path.
 */
package io.lifeboat.volumes;
