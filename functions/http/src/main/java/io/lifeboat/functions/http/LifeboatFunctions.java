package io.lifeboat.functions.http;

import io.lifeboat.app.TaskResult;
import io.lifeboat.app.TaskRuns;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Each task as a Funqy function ({@code POST /<name>}): request -> the same core call as the task's
 * CronJob -> result. Status as functions/README.md's table; a non-200 answer is thrown as {@link
 * TaskFailedException} and mapped by {@link FunctionStatuses}.
 */
public class LifeboatFunctions {
  @Inject TaskRuns runs;

  @Funq
  public TaskResult etcdSnapshot(EtcdSnapshotRequest request) {
    return TaskFailedException.answer(runs.etcdSnapshot(request == null ? null : request.slot()));
  }

  /** The etcd delta; the body is that of {@code etcdSnapshot} (its {@code slot}). */
  @Funq
  public TaskResult etcdDelta(EtcdSnapshotRequest request) {
    return TaskFailedException.answer(runs.etcdDelta(request == null ? null : request.slot()));
  }

  @Funq
  public TaskResult namespaceExport(NamespaceExportRequest request) {
    return TaskFailedException.answer(
        runs.namespaceExport(request == null ? null : request.slot()));
  }

  @Funq
  public TaskResult volumeSnapshot(VolumeSnapshotRequest request) {
    return TaskFailedException.answer(runs.volumeSnapshot(request == null ? null : request.slot()));
  }

  @Funq
  public TaskResult prune(PruneRequest request) {
    return TaskFailedException.answer(runs.prune(request == null ? null : request.dryRun()));
  }

  @Funq
  public TaskResult describe(DescribeRequest request) {
    DescribeRequest query = request == null ? new DescribeRequest(null, null, null) : request;
    return TaskFailedException.answer(runs.describe(query.kind(), query.scope(), query.id()));
  }

  @Funq
  public TaskResult list(ListRequest request) {
    ListRequest query = request == null ? new ListRequest(null, null) : request;
    return TaskFailedException.answer(runs.list(query.kind(), query.scope()));
  }
}
