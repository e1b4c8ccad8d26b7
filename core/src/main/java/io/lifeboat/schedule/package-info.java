/**
 * Which schedule slot a run belongs to (docs/architecture.md, "Marker protocol as built", step 1).
 *
 * <p>A scheduled run claims {@code claims/<kind>/<scope>/<slot>} so that at most one run ever works
 * for a slot. {@link io.lifeboat.schedule.RunTrigger#resolve} decides the slot: from the Kubernetes
 * Job's name when the CronJob controller stamped it (exact even when the pod starts late),
 * otherwise from the configured cron schedule (functions, standalone mode), otherwise the run is
 * manual and claims nothing. A {@link io.lifeboat.schedule.Slot} renders as the key segment {@code
 * yyyyMMdd'T'HHmm'Z'} in UTC.
 *
 * <p>This package is a pure function of its inputs: it never reads the clock (callers pass {@code
 * now}), the environment or the Kubernetes API, and it never guesses a slot for a manual run.
 */
package io.lifeboat.schedule;
