package io.lifeboat.etcd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.maintenance.SnapshotResponse;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ChunkPipeTest {
  private static final Clock CLOCK = Clock.systemUTC();

  static SnapshotResponse chunk(String text) {
    return new SnapshotResponse(
        io.etcd.jetcd.api.SnapshotResponse.newBuilder()
            .setBlob(ByteString.copyFromUtf8(text))
            .build());
  }

  static Instant in(Duration duration) {
    return CLOCK.instant().plus(duration);
  }

  @Test
  void theTapAndTheConsumerSeeEveryChunkInOrderThroughTheResponsesOwnArrays() throws IOException {
    List<byte[]> tapped = new ArrayList<>();
    List<byte[]> written = new ArrayList<>();
    ByteArrayOutputStream tappedBytes = new ByteArrayOutputStream();
    ChunkPipe pipe =
        new ChunkPipe(
            4,
            (array, offset, length) -> {
              tapped.add(array);
              tappedBytes.write(array, offset, length);
            });
    StreamObserver<SnapshotResponse> sink = pipe.sink();
    sink.onNext(chunk("first "));
    sink.onNext(chunk(""));
    sink.onNext(chunk("second"));
    sink.onCompleted();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChunkPipe.Source source = pipe.source(CLOCK, in(Duration.ofSeconds(5)));
    List<Integer> lengths = new ArrayList<>();
    int n;
    while ((n =
            source.transferTo(
                (array, offset, length) -> {
                  written.add(array);
                  out.write(array, offset, length);
                }))
        >= 0) {
      lengths.add(n);
    }

    assertThat(out.toString()).isEqualTo("first second");
    assertThat(tappedBytes.toString()).isEqualTo("first second");
    assertThat(lengths).as("the empty chunk is not queued").containsExactly(6, 6);
    assertThat(written).hasSize(2);
    // No copy between the tap and the consumer: both are shown the same arrays.
    assertThat(written.get(0)).isSameAs(tapped.get(0));
    assertThat(written.get(1)).isSameAs(tapped.get(1));
    assertThat(source.transferTo((array, offset, length) -> {})).as("still the end").isEqualTo(-1);
  }

  @Test
  void theProducersFailureReachesTheConsumerAfterTheChunksBeforeIt() throws IOException {
    ChunkPipe pipe = new ChunkPipe(4, (array, offset, length) -> {});
    pipe.sink().onNext(chunk("kept"));
    IllegalStateException failure = new IllegalStateException("etcd went away");
    pipe.sink().onError(failure);

    ChunkPipe.Source source = pipe.source(CLOCK, in(Duration.ofSeconds(5)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(source.transferTo(out::write)).isEqualTo(4);
    assertThat(out.toString()).isEqualTo("kept");
    assertThatThrownBy(() -> source.transferTo(out::write))
        .isInstanceOf(IOException.class)
        .hasCause(failure);
  }

  @Test
  void aConsumerWaitingPastTheDeadlineFailsWithATimeout() {
    ChunkPipe pipe = new ChunkPipe(4, (array, offset, length) -> {});
    ChunkPipe.Source source = pipe.source(CLOCK, in(Duration.ofMillis(200)));

    assertThatThrownBy(() -> source.transferTo((array, offset, length) -> {}))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void aProducerBlockedOnAFullQueueIsReleasedWhenTheConsumerGivesUp() throws Exception {
    ChunkPipe pipe = new ChunkPipe(1, (array, offset, length) -> {});
    StreamObserver<SnapshotResponse> sink = pipe.sink();
    sink.onNext(chunk("fills the queue"));
    CompletableFuture<Void> blocked =
        CompletableFuture.runAsync(
            () -> {
              sink.onNext(chunk("waits"));
              sink.onNext(chunk("dropped"));
              sink.onCompleted();
            });
    // The event loop is held back while the queue is full.
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !blocked.isDone());

    pipe.close();

    blocked.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aChunkLostToAnInterruptedProducerFailsTheConsumerInsteadOfLeavingAHole() throws Exception {
    ChunkPipe pipe = new ChunkPipe(1, (array, offset, length) -> {});
    StreamObserver<SnapshotResponse> sink = pipe.sink();
    sink.onNext(chunk("queued"));
    Thread producer = new Thread(() -> sink.onNext(chunk("never queued")));
    producer.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> producer.getState() == Thread.State.TIMED_WAITING); // blocked on the full queue
    producer.interrupt();
    producer.join(5_000);
    assertThat(producer.isAlive()).isFalse();

    ChunkPipe.Source source = pipe.source(CLOCK, in(Duration.ofSeconds(5)));
    assertThatThrownBy(() -> source.transferTo((array, offset, length) -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("lost a chunk")
        .hasCauseInstanceOf(java.io.InterruptedIOException.class);
  }
}
