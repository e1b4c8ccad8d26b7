package io.lifeboat.functions.http;

/**
 * The body of {@code POST /volumeSnapshot}; which PVCs is config ({@code lifeboat.volumes.*}), not
 * a request field, so a caller cannot widen what the function snapshots.
 *
 * @param slot as in {@link EtcdSnapshotRequest#slot()}, with {@code
 *     lifeboat.tasks.volume-snapshot.schedule}
 */
public record VolumeSnapshotRequest(String slot) {}
