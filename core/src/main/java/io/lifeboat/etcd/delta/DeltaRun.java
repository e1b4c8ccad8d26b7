package io.lifeboat.etcd.delta;

import io.etcd.jetcd.Client;
import io.lifeboat.codec.Encoding;
import io.lifeboat.etcd.internal.EtcdClients;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Encryption;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.PendingBackup;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.StoredObject;
import io.lifeboat.store.WriteFailures;
import io.lifeboat.text.Count;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of one claimed delta run: header, the events of {@code from..to} streamed from the
 * watch, trailer, through zstd and age into {@code events.jsonl.zst[.age]}; then the manifest's
 * facts.
 */
final class DeltaRun {
  private final Clock clock;
  private final EtcdClients clients;
  private final EtcdDeltaBackup.Now now;
  private final DeltaPlan.Delta plan;
  private final EtcdDeltaBackup.Request request;

  DeltaRun(
      Clock clock,
      EtcdClients clients,
      EtcdDeltaBackup.Now now,
      DeltaPlan.Delta plan,
      EtcdDeltaBackup.Request request) {
    this.clock = clock;
    this.clients = clients;
    this.now = now;
    this.plan = plan;
    this.request = request;
  }

  PendingBackup.Contents write(PendingBackup pending) {
    Encoding encoding = request.encoding();
    String endpoint = now.member().endpoint().toString();
    List<String> warnings = new ArrayList<>();
    if (!encoding.encrypted()) {
      warnings.add(
          "not encrypted: etcd deltas hold every changed Secret; configure lifeboat.age.recipients");
    }
    DeltaWriter events;
    StoredObject stored;
    try (Client client = clients.connect(now.member().endpoint());
        ObjectWriter writer = pending.openData(encoding.storedName(DeltaFormat.PAYLOAD))) {
      try (OutputStream encoded = encoding.encode(writer.uncloseable())) {
        events = new DeltaWriter(encoded);
        events.header(
            new DeltaFormat.Header(
                DeltaFormat.FORMAT,
                pending.ref().scope().toString(),
                plan.base().ref().id().toString(),
                plan.from(),
                plan.to()));
        if (plan.from() <= plan.to()) {
          new EventWatch(clock)
              .copy(client, endpoint, plan.from(), plan.to(), events, request.deadline());
        }
        events.trailer();
      }
      stored = writer.commit();
    } catch (IOException e) {
      throw WriteFailures.of("writing the etcd delta", e);
    }
    DataObject object = pending.recorded(stored, events.rawSize(), events.rawSha256());
    ChainLink base = plan.base();
    DeltaSource source =
        new DeltaSource(
            DeltaFormat.FORMAT,
            base.ref().id().toString(),
            base.ref().kind().segment(),
            base.root(),
            plan.from(),
            plan.to(),
            events.events(),
            base.chainLength() + 1,
            base.chainBytes() + stored.size(),
            now.clusterId(),
            endpoint);
    return new PendingBackup.Contents(
        Json.tree(source),
        List.of(object),
        Encryption.COMPRESSION_ZSTD,
        Encryption.of(encoding.recipients().fingerprints()),
        null,
        warnings,
        List.of());
  }

  /** The end-of-run line: range, events, size, base. */
  static String summary(Manifest manifest) {
    DeltaSource source = manifest.source(DeltaSource.class);
    DataObject object = manifest.objects().get(0);
    Duration took = Duration.between(manifest.startedAt(), manifest.completedAt());
    return String.format(
        "etcd delta %s/%s: revisions %d..%d, %s, %d bytes stored in %.1f s, on %s %s (chain of %s: %s)",
        manifest.scope(),
        manifest.id(),
        source.fromRevision(),
        source.toRevision(),
        Count.of(source.events(), "event"),
        object.size(),
        took.toMillis() / 1000.0,
        source.baseKind(),
        source.base(),
        source.root(),
        Count.of(source.chainLength(), "delta"));
  }
}
