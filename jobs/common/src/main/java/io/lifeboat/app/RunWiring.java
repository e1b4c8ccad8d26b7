package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.observe.ObserveConfig;
import io.lifeboat.app.observe.RunObserver;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The process's one {@link RunPath}, which every job app and function runs through: the one place
 * its {@link RunObserver} (the Pushgateway, the pod's Events) is built. The client is only asked
 * for when the process runs in a pod. A package without a Kubernetes client bean (the etcd job,
 * whose pod mounts no service-account token; the Lambda) reports metrics only.
 */
public class RunWiring {
  @Produces
  @Singleton
  RunPath runPath(ObserveConfig observe, Instance<KubernetesClient> kubernetes) {
    RunObserver observer =
        kubernetes.isResolvable()
            ? RunObserver.from(observe, System.getenv(), kubernetes::get)
            : RunObserver.metricsOnly(observe);
    return new RunPath(observer, Clock.systemUTC());
  }
}
