package io.lifeboat.functions.lambda;

/**
 * The event a Lambda invocation carries, e.g. from EventBridge Scheduler: {@code {"task":
 * "etcdSnapshot", "slot": "<aws.scheduler.scheduled-time>"}}.
 *
 * @param task {@code etcdSnapshot}, {@code etcdDelta} (the events since the newest etcd backup,
 *     docs/etcd-deltas.md), {@code prune} or {@code list}
 * @param slot RFC 3339 or {@code 20261125T1815Z}; null falls back to the configured schedule
 * @param kind for {@code list}: {@code etcd}, {@code namespace} or {@code volumes}
 * @param scope for {@code list}: {@code <cluster>} or {@code <cluster>/<namespace>}, or null
 * @param dryRun for {@code prune}: {@code true} plans and deletes nothing; null uses {@code
 *     lifeboat.prune.dry-run}
 */
public record LambdaRequest(String task, String slot, String kind, String scope, String dryRun) {}
