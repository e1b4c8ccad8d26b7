package io.lifeboat.functions.http;

import io.lifeboat.app.TaskResult;
import io.lifeboat.app.TaskRuns;
import io.lifeboat.app.TaskSchedules;
import io.lifeboat.schedule.Slot;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Standalone mode, for machines without Kubernetes (etcd on VMs): with {@code
 * lifeboat.standalone=true} this one process runs each task that has a {@code
 * lifeboat.tasks.<task>.schedule} on that cron, through the same {@link TaskRuns} the functions
 * call. A run's slot is its scheduled fire time, so a restart or a second process in the same slot
 * is skipped by the claim.
 */
@ApplicationScoped
public class Standalone {
  private static final Logger LOG = Logger.getLogger(Standalone.class);

  @Inject Scheduler scheduler;
  @Inject TaskRuns runs;
  @Inject TaskSchedules schedules;

  @Inject StandaloneConfig config;

  void start(@Observes StartupEvent started) {
    if (!config.standalone()) {
      return;
    }
    schedules
        .etcdSnapshot()
        .schedule()
        .ifPresent(c -> schedule("etcd-snapshot", c, runs::etcdSnapshot));
    schedules.etcdDelta().schedule().ifPresent(c -> schedule("etcd-delta", c, runs::etcdDelta));
    schedules
        .namespaceExport()
        .schedule()
        .ifPresent(c -> schedule("namespace-export", c, runs::namespaceExport));
    schedules
        .volumeSnapshot()
        .schedule()
        .ifPresent(c -> schedule("volume-snapshot", c, runs::volumeSnapshot));
    // Prune claims no slot; lifeboat.prune.dry-run applies.
    schedules.prune().schedule().ifPresent(c -> schedule("prune", c, slot -> runs.prune(null)));
  }

  private void schedule(String task, String cron, Function<String, TaskResult> run) {
    LOG.infof("standalone: %s on '%s'", task, cron);
    scheduler
        .newJob("lifeboat-" + task)
        .setCron(cron)
        .setConcurrentExecution(ConcurrentExecution.SKIP)
        .setTask(execution -> run.apply(slot(execution)))
        .schedule();
  }

  static String slot(ScheduledExecution execution) {
    return new Slot(execution.getScheduledFireTime().truncatedTo(ChronoUnit.MINUTES)).keySegment();
  }
}
