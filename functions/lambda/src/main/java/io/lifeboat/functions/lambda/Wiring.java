package io.lifeboat.functions.lambda;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.RunPath;
import io.lifeboat.app.TaskRuns;
import io.lifeboat.app.TaskSchedules;
import io.lifeboat.app.VolumesConfig;
import io.lifeboat.error.InvalidConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The handler's {@link TaskRuns}, on the shared {@link RunPath}: metrics when configured; no
 * Kubernetes client, so no Events (a Lambda is not in a pod, and the path only asks for a client
 * there).
 */
public class Wiring {
  @Produces
  @Singleton
  TaskRuns runs(
      LifeboatConfig config,
      EtcdConfig etcd,
      ExportConfig export,
      VolumesConfig volumes,
      PruneConfig prune,
      TaskSchedules schedules,
      RunPath path) {
    return new TaskRuns(
        config,
        etcd,
        export,
        volumes,
        prune,
        schedules,
        () -> {
          throw new InvalidConfigurationException(
              "the Lambda package has no Kubernetes client: run namespace exports, volume"
                  + " snapshots and the volumes prune as CronJobs or functions/http");
        },
        path);
  }
}
