package io.lifeboat.etcd.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.IntegrityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaReaderTest {
  static final DeltaSource SOURCE =
      new DeltaSource(
          DeltaFormat.FORMAT,
          "20261130T120000Z-aaaa",
          "etcd",
          "20261130T120000Z-aaaa",
          11,
          13,
          3,
          1,
          100,
          "c1",
          "m");
  static final String HEADER =
      "{\"format\":\"lifeboat-etcd-delta/1\",\"scope\":\"prod\",\"base\":\"20261130T120000Z-aaaa\",\"fromRevision\":11,\"toRevision\":13}\n";
  static final String EVENTS =
      "{\"revision\":11,\"type\":\"PUT\",\"key\":\"YQ==\",\"value\":\"MQ==\"}\n"
          + "{\"revision\":12,\"type\":\"PUT\",\"key\":\"Yg==\",\"value\":\"Mg==\"}\n"
          + "{\"revision\":12,\"type\":\"DELETE\",\"key\":\"YQ==\"}\n";
  static final String TRAILER =
      "{\"end\":\"lifeboat-etcd-delta/1\",\"events\":3,\"lastRevision\":12}\n";

  List<List<DeltaFormat.Event>> read(String text) throws IOException {
    List<List<DeltaFormat.Event>> revisions = new ArrayList<>();
    new DeltaReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "k", SOURCE)
        .read(revisions::add);
    return revisions;
  }

  @Test
  void handsOverTheEventsOneRevisionAtATime() throws IOException {
    var revisions = read(HEADER + EVENTS + TRAILER);
    assertThat(revisions).hasSize(2);
    assertThat(revisions.get(1))
        .extracting(DeltaFormat.Event::type)
        .containsExactly("PUT", "DELETE");
  }

  @Test
  void refusesATruncatedObjectAWrongHeaderAnOutOfRangeRevisionAndAMiscount() {
    assertThatThrownBy(() -> read(HEADER + EVENTS))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> read(HEADER.replace("aaaa", "bbbb") + EVENTS + TRAILER))
        .hasMessageContaining("header");
    assertThatThrownBy(
            () -> read(HEADER + EVENTS.replace("\"revision\":11", "\"revision\":14") + TRAILER))
        .hasMessageContaining("out of order or outside its range");
    assertThatThrownBy(
            () -> read(HEADER + EVENTS + TRAILER.replace("\"events\":3", "\"events\":2")))
        .hasMessageContaining("count");
  }
}
