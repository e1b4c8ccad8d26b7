package io.lifeboat.etcd;

import java.net.URI;

/** What etcd's Status RPC told us about one member, read before the snapshot. */
public record MemberStatus(
    URI endpoint,
    String memberId,
    boolean leader,
    long raftIndex,
    long revision,
    String serverVersion,
    long dbSize) {}
