package io.lifeboat.etcd.delta;

import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;

/**
 * A committed backup a delta may continue: a full snapshot (a chain of length 0, its own root) or a
 * delta.
 *
 * @param revision the last revision it covers: a full snapshot's revision read before the snapshot
 *     (a lower bound: replaying from there is exact, since events up to the snapshot's own revision
 *     are skipped on restore), a delta's {@code toRevision}
 * @param clusterId etcd's cluster id when recorded (deltas), else null
 */
public record ChainLink(
    BackupRef ref, long revision, String root, int chainLength, long chainBytes, String clusterId) {

  public boolean full() {
    return ref.kind() == Kind.ETCD;
  }
}
