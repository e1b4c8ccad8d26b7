package io.lifeboat.kube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The one way Lifeboat waits for something outside it (a VolumeSnapshot, a deletion, a CRD, a
 * drill's etcd): ask, and while the answer is no and the deadline on the clock has not passed,
 * pause and ask again. The clock and the pause are injected, so a test advances a test clock in its
 * pause and never sleeps.
 */
public final class Poll {
  private final Clock clock;
  private final Pause pause;

  public Poll(Clock clock, Pause pause) {
    this.clock = clock;
    this.pause = pause;
  }

  /**
   * Real time and real sleeps, for waits on a live server by callers whose injected clock may be a
   * test clock that stands still (the repository's): such a wait would otherwise never time out.
   */
  public static Poll realTime() {
    return new Poll(Clock.systemUTC(), Pause.sleeping());
  }

  /**
   * Asks {@code done} until it answers true or {@code timeout} has passed, pausing {@code interval}
   * between two asks; it always asks at least once.
   *
   * @param waitingFor what is awaited, for the message when the wait is interrupted
   * @return whether {@code done} answered true (false: the deadline passed first)
   * @throws IllegalStateException when interrupted (the thread's interrupt flag is set again)
   */
  public boolean until(
      BooleanSupplier done, Duration timeout, Duration interval, String waitingFor) {
    Instant deadline = clock.instant().plus(timeout);
    while (!done.getAsBoolean()) {
      if (!clock.instant().isBefore(deadline)) {
        return false;
      }
      try {
        pause.pause(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting: " + waitingFor, e);
      }
    }
    return true;
  }
}
