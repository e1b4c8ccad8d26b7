/**
 * The tasks as one AWS Lambda handler: event -> {@code io.lifeboat.app.TaskRuns} -> result, a
 * failed run thrown. It carries no Kubernetes client, so it serves {@code etcdSnapshot}, {@code
 * prune} and {@code list}, not the namespace export or volume snapshots.
 *
 * <p>It must never hold task logic or return a secret.
 */
package io.lifeboat.functions.lambda;
