package io.lifeboat.etcd;

/**
 * The etcd facts of a backup, stored as the manifest's {@code source}. {@code revisionLowerBound}
 * is the member's revision read just before the snapshot RPC (the RPC itself does not report one).
 * {@code snapshotSha256} is the snapshot's own trailing hash, verified while streaming. {@code
 * instead} says why a delta run took this full snapshot (absent for a scheduled full snapshot).
 */
public record EtcdSource(
    String member,
    String memberId,
    boolean leader,
    String serverVersion,
    long revisionLowerBound,
    long raftIndex,
    long dbSize,
    long snapshotSize,
    String snapshotSha256,
    String mode,
    long toFirstByteMillis,
    long snapshotMillis,
    String instead) {}
