package io.lifeboat.functions.http;

/**
 * The body of {@code POST /etcdSnapshot} (a PingSource's data, or any JSON caller's).
 *
 * @param slot the schedule slot this call is for: RFC 3339 ({@code 2026-11-25T18:15:00Z}) or {@code
 *     20261125T1815Z}; null uses {@code lifeboat.tasks.etcd-snapshot.schedule} or {@code
 *     lifeboat.schedule}, and without either the call is a manual run that claims nothing
 */
public record EtcdSnapshotRequest(String slot) {}
