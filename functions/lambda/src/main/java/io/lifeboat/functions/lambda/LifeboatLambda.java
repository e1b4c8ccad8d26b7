package io.lifeboat.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.lifeboat.app.TaskResult;
import io.lifeboat.app.TaskRuns;
import io.lifeboat.error.InvalidConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Lambda handler: event -> the same {@link TaskRuns} call the HTTP functions and CronJobs make
 * -> result; a failed run is thrown ({@link TaskFailed}). The namespace export and volume snapshots
 * are not served here: this package carries no Kubernetes client, and etcd on VMs is what Lambda is
 * for. Prune is (its etcd and namespace kinds; the volumes kind needs the client).
 */
@Named("lifeboat")
public class LifeboatLambda implements RequestHandler<LambdaRequest, TaskResult> {
  private final TaskRuns runs;

  @Inject
  public LifeboatLambda(TaskRuns runs) {
    this.runs = runs;
  }

  @Override
  public TaskResult handleRequest(LambdaRequest request, Context context) {
    LambdaRequest event =
        request == null ? new LambdaRequest(null, null, null, null, null) : request;
    TaskResult result =
        switch (String.valueOf(event.task())) {
          case "etcdSnapshot" -> runs.etcdSnapshot(event.slot());
          case "etcdDelta" -> runs.etcdDelta(event.slot());
          case "prune" -> runs.prune(event.dryRun());
          case "list" -> runs.list(event.kind(), event.scope());
          case "namespaceExport", "volumeSnapshot" ->
              TaskResult.failed(
                  new InvalidConfigurationException(
                      "task '"
                          + event.task()
                          + "' needs a Kubernetes client, which the Lambda package does not carry:"
                          + " run it as a CronJob or through functions/http"));
          default ->
              TaskResult.failed(
                  new InvalidConfigurationException(
                      "task must be etcdSnapshot, etcdDelta, prune or list, was '"
                          + event.task()
                          + "'"));
        };
    if (result.httpStatus() != 200) {
      throw new TaskFailed(result);
    }
    return result;
  }
}
