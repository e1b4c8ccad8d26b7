package io.lifeboat.etcd.restore;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.LeaseOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.support.CloseableClient;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.etcd.delta.DeltaFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies revisions' events to the throwaway etcd in order, gathering consecutive revisions into
 * one transaction while it fits etcd's limits ({@value #MAX_OPS} distinct keys, {@value #MAX_BYTES}
 * bytes): a later event for a key already in the batch replaces the earlier one, which is the state
 * etcd would have after both. A revision larger than the limits ({@code del --prefix} of thousands
 * of keys is one revision) is split over several transactions in order. The state after the last
 * revision applied is the same as one transaction per revision would give, and only that state is
 * kept (the point-in-time snapshot); {@link #finish()} commits what is still gathered.
 *
 * <p>A key's lease is kept when the lease exists in the restored base (it is then kept alive until
 * the replay ends, so a short lease cannot expire mid-replay); a lease granted after the base is
 * unknown here (watch events carry no lease grants), so the key is written without one and counted.
 */
final class DeltaReplay implements AutoCloseable {
  static final int MAX_OPS = 128;
  static final int MAX_BYTES = 1024 * 1024;
  private static final Base64.Decoder BASE64 = Base64.getDecoder();

  private final Client client;
  private final boolean checkPrevious;
  private final Map<Long, Boolean> leases = new HashMap<>();

  /** Gathered, not yet committed: each key's last operation (base64 key as etcd's own key). */
  private final Map<String, Pending> pending = new LinkedHashMap<>();

  private long pendingBytes;
  private long pendingFrom;
  private long pendingTo;
  private long transactions;
  private final List<CloseableClient> keptAlive = new ArrayList<>();
  private long applied;
  private long withoutLease;

  DeltaReplay(Client client) {
    this(client, false);
  }

  /**
   * {@code checkPrevious}: before each revision, every event's {@code prevKv} is compared with the
   * replayed state (absent: the key must not exist; present: its value must match), so a delta that
   * does not follow from the state before it (an event left out, a value planted) fails; one read
   * per event, which the drill pays and a restore does not.
   */
  DeltaReplay(Client client, boolean checkPrevious) {
    this.client = client;
    this.checkPrevious = checkPrevious;
  }

  long applied() {
    return applied;
  }

  long withoutLease() {
    return withoutLease;
  }

  /** Transactions committed so far. */
  long transactions() {
    return transactions;
  }

  /** Applies one revision's events, read from {@code object} (named in any failure). */
  void apply(List<DeltaFormat.Event> revision, String object) {
    if (checkPrevious) {
      checkPrevious(revision, object);
    }
    for (DeltaFormat.Event event : revision) {
      long size = event.key().length() + (event.value() == null ? 0 : event.value().length());
      Pending replaced = pending.get(event.key());
      long after = pendingBytes + size - (replaced == null ? 0 : replaced.size());
      boolean fits = (replaced != null || pending.size() < MAX_OPS) && after <= MAX_BYTES;
      if (!fits && !pending.isEmpty()) {
        finish();
        replaced = null;
        after = size;
      }
      if (pending.isEmpty()) {
        pendingFrom = event.revision();
      }
      pending.put(event.key(), new Pending(op(event), event.put() ? event.value() : null, size));
      pendingBytes = after;
      pendingTo = event.revision();
    }
    applied += revision.size();
  }

  /** Commits what is gathered; the throwaway etcd then holds the state after the last revision. */
  void finish() {
    if (pending.isEmpty()) {
      return;
    }
    String what =
        pendingFrom == pendingTo
            ? "revision " + pendingFrom
            : "revisions " + pendingFrom + ".." + pendingTo;
    await(
        client
            .getKVClient()
            .txn()
            .Then(pending.values().stream().map(Pending::op).toArray(Op[]::new))
            .commit(),
        what);
    transactions++;
    pending.clear();
    pendingBytes = 0;
  }

  private void checkPrevious(List<DeltaFormat.Event> revision, String object) {
    List<java.util.concurrent.CompletableFuture<io.etcd.jetcd.kv.GetResponse>> reads =
        new ArrayList<>();
    for (DeltaFormat.Event event : revision) {
      reads.add(
          pending.containsKey(event.key())
              ? null
              : client.getKVClient().get(ByteSequence.from(BASE64.decode(event.key()))));
    }
    for (int i = 0; i < revision.size(); i++) {
      DeltaFormat.Event event = revision.get(i);
      byte[] current;
      if (reads.get(i) == null) {
        String gathered = pending.get(event.key()).value();
        current = gathered == null ? null : BASE64.decode(gathered);
      } else {
        var kvs = await(reads.get(i), "a read before revision " + event.revision()).getKvs();
        current = kvs.isEmpty() ? null : kvs.get(0).getValue().getBytes();
      }
      byte[] previous = event.prevKv() == null ? null : BASE64.decode(event.prevKv().value());
      if (!java.util.Arrays.equals(current, previous)) {
        throw new IntegrityException(
            "delta '"
                + object
                + "' does not follow from the state before it: at revision "
                + event.revision()
                + " key "
                + event.key()
                + " (base64) "
                + (previous == null ? "is new" : "had a previous value")
                + " by its event, but the replayed chain "
                + (current == null ? "has no such key" : "holds another value"));
      }
    }
  }

  private Op op(DeltaFormat.Event event) {
    ByteSequence key = ByteSequence.from(BASE64.decode(event.key()));
    if (!event.put()) {
      return Op.delete(key, DeleteOption.DEFAULT);
    }
    PutOption.Builder option = PutOption.builder();
    if (event.lease() != 0) {
      if (known(event.lease())) {
        option.withLeaseId(event.lease());
      } else {
        withoutLease++;
      }
    }
    return Op.put(key, ByteSequence.from(BASE64.decode(event.value())), option.build());
  }

  private boolean known(long lease) {
    return leases.computeIfAbsent(
        lease,
        id -> {
          long ttl =
              await(client.getLeaseClient().timeToLive(id, LeaseOption.DEFAULT), "lease").getTTL();
          if (ttl > 0) {
            keptAlive.add(client.getLeaseClient().keepAlive(id, new Ignoring()));
          }
          return ttl > 0;
        });
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future, String what) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IntegrityException(
          "replaying " + what + " into the throwaway etcd failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    keptAlive.forEach(CloseableClient::close);
  }

  /** A gathered operation, the value it writes (base64; null for a delete) and its size. */
  private record Pending(Op op, String value, long size) {}

  private static final class Ignoring
      implements io.grpc.stub.StreamObserver<io.etcd.jetcd.lease.LeaseKeepAliveResponse> {
    @Override
    public void onNext(io.etcd.jetcd.lease.LeaseKeepAliveResponse value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
