package io.lifeboat.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final AtomicInteger asked = new AtomicInteger();

  @Test
  void stopsAskingOnceTheAnswerIsYes() {
    Poll poll = new Poll(clock, clock::advance);

    boolean done = poll.until(() -> asked.incrementAndGet() == 3, minutes(10), minutes(1), "x");

    assertThat(done).isTrue();
    assertThat(asked).hasValue(3);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T18:17:00Z"));
  }

  @Test
  void givesUpWhenTheDeadlinePassesOnTheInjectedClock() {
    Poll poll = new Poll(clock, clock::advance);

    boolean done =
        poll.until(() -> asked.incrementAndGet() < 0, minutes(10), minutes(3), "the snapshot");

    assertThat(done).isFalse();
    assertThat(asked).as("at 0, 3, 6, 9 and 12 minutes").hasValue(5);
  }

  @Test
  void asksOnceEvenWithNoTimeLeft() {
    Poll poll = new Poll(clock, clock::advance);

    assertThat(poll.until(() -> asked.incrementAndGet() > 0, Duration.ZERO, minutes(1), "x"))
        .isTrue();
  }

  @Test
  void anInterruptedPauseEndsTheWaitNamingWhatWasAwaitedAndKeepsTheFlag() {
    Poll poll =
        new Poll(
            clock,
            interval -> {
              throw new InterruptedException();
            });
    try {
      assertThatThrownBy(() -> poll.until(() -> false, minutes(10), minutes(1), "the CRD"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("interrupted while waiting: the CRD");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }
}
