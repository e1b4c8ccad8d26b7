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
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  @ConfigProperty(name = "lifeboat.standalone", defaultValue = "false")
  boolean enabled;

  void start(@Observes StartupEvent started) {
    if (!enabled) {
      return;
    }
    schedules
        .etcdSnapshot()
        .schedule()
        .ifPresent(c -> schedule("etcd-snapshot", c, runs::etcdSnapshot));
    schedules
        .namespaceExport()
        .schedule()
        .ifPresent(c -> schedule("namespace-export", c, runs::namespaceExport));
  }

  private void schedule(String task, String cron, Function<String, TaskResult> run) {
    LOG.infof("standalone: %s on '%s'", task, cron);
    scheduler
        .newJob("lifeboat-" + task)
        .setCron(cron)
        .setConcurrentExecution(ConcurrentExecution.SKIP)
        .setTask(execution -> report(task, run.apply(slot(execution))))
        .schedule();
  }

  static String slot(ScheduledExecution execution) {
    return new Slot(execution.getScheduledFireTime().truncatedTo(ChronoUnit.MINUTES)).keySegment();
  }

  private static void report(String task, TaskResult result) {
    if (result.exitCode() == 0 || result.exitCode() == 3) {
      LOG.infof("%s %s: %s", task, result.status(), result.message());
    } else {
      LOG.errorf("%s failed (exit %d): %s", task, result.exitCode(), result.message());
    }
  }
}
