package io.lifeboat.functions.lambda;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.TaskRuns;
import io.lifeboat.app.TaskSchedules;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.error.InvalidConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The handler's {@link TaskRuns}: metrics when configured; no Kubernetes client, no Events. */
public class Wiring {
  @Produces
  @Singleton
  TaskRuns runs(
      LifeboatConfig config,
      EtcdConfig etcd,
      ExportConfig export,
      TaskSchedules schedules,
      ObserveConfig observe) {
    return new TaskRuns(
        config,
        etcd,
        export,
        schedules,
        () -> {
          throw new InvalidConfigurationException(
              "the Lambda package has no Kubernetes client: run the namespace export as a CronJob");
        },
        RunObserver.from(observe, java.util.Map.of(), () -> null),
        Clock.systemUTC());
  }
}
