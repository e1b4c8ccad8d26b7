package io.lifeboat.etcd.delta;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.etcd.EtcdBackup;
import io.lifeboat.etcd.EtcdSettings;
import io.lifeboat.etcd.EtcdSnapshotter;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.EtcdServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs full and delta backups of a real etcd through the backup view of a store, each with a fresh
 * id one second after the last (two runs within one second would share the id's time), and reads
 * the source's key/value set at a revision.
 */
public final class DeltaFixture {
  public static final ClusterName CLUSTER = new ClusterName("prod");
  private final EtcdServer etcd;
  private final ObjectStore store;
  private final AgeRecipients recipients;
  private final SteppingClock clock = new SteppingClock();

  public DeltaFixture(EtcdServer etcd, ObjectStore store, AgeRecipients recipients) {
    this.etcd = etcd;
    this.store = store;
    this.recipients = recipients;
  }

  public static EtcdSettings settings(EtcdServer server) {
    return new EtcdSettings(
        List.of(server.endpoint()),
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofMinutes(2));
  }

  public Clock clock() {
    return clock;
  }

  private Repository repository() {
    clock.step();
    return new Repository(Repository.backupView(store), clock);
  }

  public Manifest full() {
    return new EtcdBackup(repository(), new EtcdSnapshotter(settings(etcd), clock, 16))
        .run(
            new EtcdBackup.Request(
                CLUSTER,
                new RunTrigger.Manual("test"),
                Encoding.of(recipients),
                null,
                "test",
                Duration.ofMinutes(2)))
        .orThrow()
        .committed()
        .orElseThrow();
  }

  public ClaimedRun.Result delta(DeltaSettings settings) {
    EtcdSettings etcdSettings = settings(etcd);
    return new EtcdDeltaBackup(
            repository(), new EtcdSnapshotter(etcdSettings, clock, 16), etcdSettings)
        .run(
            new EtcdDeltaBackup.Request(
                CLUSTER,
                new RunTrigger.Manual("test"),
                Encoding.of(recipients),
                null,
                "test",
                Duration.ofMinutes(2),
                settings));
  }

  public Manifest delta() {
    return delta(DeltaSettings.DEFAULTS).orThrow().committed().orElseThrow();
  }

  /**
   * {@code real}'s catalog entry as a put-only identity could write it: another id, source, data
   * objects and times, well-formed.
   */
  public static Manifest forgedDelta(
      Manifest real,
      String id,
      DeltaSource source,
      List<DataObject> objects,
      Instant startedAt,
      Instant completedAt) {
    return new Manifest(
        real.formatVersion(),
        Kind.ETCD_DELTA,
        real.scope(),
        id,
        null,
        startedAt,
        completedAt,
        real.tool(),
        null,
        Json.tree(source),
        objects,
        real.compression(),
        real.encryption(),
        List.of(),
        List.of(),
        "forged");
  }

  /**
   * Writes {@code forged} with the backup identity's rights: a copy of {@code real}'s data objects
   * under the forged id, then its catalog entry.
   */
  public static void plantCopy(ObjectStore store, Manifest real, Manifest forged)
      throws IOException {
    ObjectStore backupView = Repository.backupView(store);
    for (DataObject object : real.objects()) {
      try (var in = store.get(real.ref().dataPrefix() + object.name())) {
        backupView.put(
            forged.ref().dataPrefix() + object.name(), in.readAllBytes(), Condition.none());
      }
    }
    backupView.put(forged.ref().catalogKey(), Json.write(forged), Condition.none());
  }

  /** Every key and value (hex) at {@code revision} (0: now), as text for readable diffs. */
  public static Map<String, String> keyValues(java.net.URI endpoint, long revision) {
    try (Client client = Client.builder().endpoints(endpoint).build()) {
      ByteSequence all = ByteSequence.from(new byte[] {0});
      GetOption.Builder option = GetOption.builder().withRange(all);
      if (revision > 0) {
        option.withRevision(revision);
      }
      Map<String, String> values = new TreeMap<>();
      client
          .getKVClient()
          .get(all, option.build())
          .join()
          .getKvs()
          .forEach(
              kv ->
                  values.put(
                      kv.getKey().toString(StandardCharsets.UTF_8),
                      java.util.HexFormat.of().formatHex(kv.getValue().getBytes())));
      return values;
    }
  }

  /** The system clock, one second later at every run, so ids order as runs do. */
  static final class SteppingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void step() {
      offset = offset.plusSeconds(1);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
