package io.lifeboat.etcd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lifeboat.error.SourceUnavailableException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpeningTest {
  /** Counts its closes. */
  static final class Resource implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void aTakenResourceIsTheCallersToClose() {
    Resource resource = new Resource();
    Resource taken;
    try (Opening<Resource> opening = Opening.start("test-open", () -> resource)) {
      taken = opening.take();
    }
    assertThat(taken).isSameAs(resource);
    assertThat(resource.closes).hasValue(0);
  }

  @Test
  void closingWithoutTakingClosesTheOpenedResource() {
    Resource resource = new Resource();
    Opening<Resource> opening = Opening.start("test-open-done", () -> resource);
    // The opening thread ends only after it has handed the resource over.
    await().atMost(Duration.ofSeconds(10)).until(() -> !running("test-open-done"));
    assertThat(resource.closes).hasValue(0);

    opening.close();
    opening.close();

    assertThat(resource.closes).hasValue(1);
  }

  @Test
  void aResourceStillOpeningWhenClosedIsClosedOnceItOpens() {
    Resource resource = new Resource();
    CountDownLatch release = new CountDownLatch(1);
    Opening<Resource> opening =
        Opening.start(
            "test-open",
            () -> {
              awaitQuietly(release);
              return resource;
            });

    opening.close();
    assertThat(resource.closes).hasValue(0);
    release.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> resource.closes.get() == 1);
    assertThatThrownBy(opening::take)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void whatOpeningThrewIsThrownByTakeUnchanged() {
    SourceUnavailableException failure = new SourceUnavailableException("no etcd member");
    try (Opening<Resource> opening =
        Opening.start(
            "test-open",
            () -> {
              throw failure;
            })) {
      assertThatThrownBy(opening::take).isSameAs(failure);
    }
  }

  @Test
  void aTakeInterruptedByTheRunsDeadlineFailsAndKeepsTheInterrupt() throws InterruptedException {
    Resource resource = new Resource();
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    try (Opening<Resource> opening =
        Opening.start(
            "test-open-slow",
            () -> {
              awaitQuietly(release);
              return resource;
            })) {
      Thread taker =
          new Thread(
              () -> {
                try {
                  opening.take();
                } catch (RuntimeException e) {
                  thrown.set(e);
                  stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
              });
      taker.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> taker.getState() == Thread.State.WAITING);
      taker.interrupt();
      taker.join(10_000);
    }
    release.countDown();

    assertThat(thrown.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("interrupted while waiting for test-open-slow");
    assertThat(stillInterrupted).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> resource.closes.get() == 1);
  }

  private static boolean running(String threadName) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(threadName) && t.isAlive());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
