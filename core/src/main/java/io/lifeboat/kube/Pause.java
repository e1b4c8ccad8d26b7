package io.lifeboat.kube;

import java.time.Duration;

/**
 * How a wait loop waits between two polls. Production sleeps; tests pass a pause that advances a
 * test clock and plays the snapshot controller, so no test sleeps.
 */
@FunctionalInterface
public interface Pause {
  void pause(Duration interval) throws InterruptedException;

  static Pause sleeping() {
    return interval -> Thread.sleep(interval.toMillis());
  }
}
