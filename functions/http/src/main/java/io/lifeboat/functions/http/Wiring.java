package io.lifeboat.functions.http;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.RunPath;
import io.lifeboat.app.TaskRuns;
import io.lifeboat.app.TaskSchedules;
import io.lifeboat.app.VolumesConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the one {@link TaskRuns} the functions and the standalone scheduler share, on the {@link
 * RunPath} (and so the run observer) the job apps use.
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
      RunPath path,
      Instance<KubernetesClient> kubernetes) {
    return new TaskRuns(config, etcd, export, volumes, prune, schedules, kubernetes::get, path);
  }
}
