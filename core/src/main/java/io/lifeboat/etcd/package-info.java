/**
 * The etcd snapshot backup: choose the member (the pinned one, else the healthy member with the
 * highest raft index, a follower among equals), stream its snapshot through verify, zstd and age to
 * the store (or spool it to disk first for slow stores), and commit the manifest through {@code
 * repository.ClaimedRun}. The bytes stored are exactly what {@code etcdctl snapshot save} writes.
 *
 * <p>It must never commit a snapshot that did not verify, snapshot through a load balancer (one
 * client per endpoint), hold more than the bounded hand-off in memory, or log a key or a TLS
 * secret. Getting a snapshot back out lives in {@code etcd.restore}.
 */
package io.lifeboat.etcd;
