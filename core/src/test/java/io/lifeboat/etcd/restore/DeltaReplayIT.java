package io.lifeboat.etcd.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.Client;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.etcd.delta.DeltaFixture;
import io.lifeboat.etcd.delta.DeltaFormat.Event;
import io.lifeboat.etcd.delta.DeltaFormat.KeyValue;
import io.lifeboat.testing.EtcdServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeltaReplay} against a real etcd: revisions gathered into few transactions. */
class DeltaReplayIT {
  @TempDir Path dir;
  EtcdServer etcd;
  Client client;

  @BeforeEach
  void start() {
    etcd = EtcdServer.start(dir.resolve("etcd"));
    client = Client.builder().endpoints(etcd.endpoint()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    etcd.close();
  }

  @Test
  void consecutiveRevisionsShareOneTransactionAndTheLastEventOfAKeyWins() {
    try (DeltaReplay replay = new DeltaReplay(client, true)) {
      replay.apply(List.of(put(10, "a", "1", null), put(10, "b", "1", null)), "d");
      replay.apply(List.of(put(11, "a", "2", "1")), "d");
      replay.apply(List.of(delete(12, "b", "1"), put(12, "c", "1", null)), "d");
      replay.apply(List.of(put(13, "b", "again", null), delete(13, "c", "1")), "d");
      assertThat(read()).as("nothing is committed before finish").isEmpty();
      replay.finish();

      assertThat(replay.transactions()).isEqualTo(1);
      assertThat(replay.applied()).isEqualTo(7);
      assertThat(read()).isEqualTo(values("a", "2", "b", "again"));
    }
  }

  @Test
  void aBatchIsCommittedWhenItReachesEtcdsOperationLimitAndARevisionLargerThanItIsSplit() {
    List<Event> large = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      large.add(put(20, "k" + i, "v", null));
    }
    try (DeltaReplay replay = new DeltaReplay(client)) {
      replay.apply(List.of(put(19, "first", "x", null)), "d");
      replay.apply(large, "d");
      replay.finish();
      // 301 distinct keys at most 128 a transaction: 128 + 128 + 45
      assertThat(replay.transactions()).isEqualTo(3);
    }
    assertThat(read()).hasSize(301);
  }

  @Test
  void theDrillChecksPreviousValuesAgainstWhatIsGatheredAsWellAsWhatIsCommitted() {
    try (DeltaReplay replay = new DeltaReplay(client, true)) {
      replay.apply(List.of(put(30, "a", "1", null)), "d");
      // a's previous value is the gathered "1", not committed yet: a planted "0" is caught
      assertThatThrownBy(() -> replay.apply(List.of(put(31, "a", "2", "0")), "d"))
          .isInstanceOf(IntegrityException.class)
          .hasMessageContaining("delta 'd' does not follow from the state before it")
          .hasMessageContaining("at revision 31");
      // a gathered delete: the key is absent, so an event claiming a previous value is caught
      replay.apply(List.of(delete(32, "a", "1")), "d");
      assertThatThrownBy(() -> replay.apply(List.of(put(33, "a", "3", "1")), "d"))
          .isInstanceOf(IntegrityException.class)
          .hasMessageContaining("has no such key");
    }
  }

  /** Every key of the etcd with its value, as {@link DeltaFixture#keyValues} reads them. */
  private Map<String, String> read() {
    return DeltaFixture.keyValues(etcd.endpoint(), 0);
  }

  private static Map<String, String> values(String... keysAndValues) {
    Map<String, String> all = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      all.put(
          keysAndValues[i],
          HexFormat.of().formatHex(keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8)));
    }
    return all;
  }

  private static Event put(long revision, String key, String value, String previous) {
    return new Event(
        revision, Event.PUT, b64(key), b64(value), revision, revision, 1, 0, kv(key, previous));
  }

  private static Event delete(long revision, String key, String previous) {
    return new Event(revision, Event.DELETE, b64(key), null, 0, revision, 0, 0, kv(key, previous));
  }

  private static KeyValue kv(String key, String value) {
    return value == null ? null : new KeyValue(b64(key), b64(value), 1, 1, 1, 0);
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
