package io.lifeboat.app;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * {@code lifeboat.tasks.<task>.schedule}: a cron schedule per task, for an app that serves several
 * tasks (the function app, standalone mode). Unset falls back to {@code lifeboat.schedule}. The
 * function app derives a call's slot from it; standalone mode also runs the task on it.
 */
@ConfigMapping(prefix = "lifeboat.tasks")
public interface TaskSchedules {
  Task etcdSnapshot();

  /** The etcd delta (issue 17), e.g. every minute beside an hourly etcd snapshot. */
  Task etcdDelta();

  Task namespaceExport();

  Task volumeSnapshot();

  /** Standalone mode only: prune claims no slot, so a function call ignores it. */
  Task prune();

  interface Task {
    /** Cron (5 fields, as in a CronJob), e.g. {@code 15 0,6,12,18 * * *}. */
    Optional<String> schedule();
  }
}
