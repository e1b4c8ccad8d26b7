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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies one revision's events to the throwaway etcd, as one transaction when it fits etcd's
 * limits ({@value #MAX_OPS} operations, {@value #MAX_BYTES} bytes), else as several in order (a
 * {@code del --prefix} of thousands of keys is one revision): the state after the revision is the
 * same either way, and only the state after the target revision is kept.
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

  /** Applies one revision's events, read from {@code object} (named in any failure). */
  void apply(List<DeltaFormat.Event> revision, String object) {
    if (checkPrevious) {
      checkPrevious(revision, object);
    }
    List<Op> ops = new ArrayList<>();
    long bytes = 0;
    for (DeltaFormat.Event event : revision) {
      Op op = op(event);
      long size = event.key().length() + (event.value() == null ? 0 : event.value().length());
      if (!ops.isEmpty() && (ops.size() == MAX_OPS || bytes + size > MAX_BYTES)) {
        commit(ops, event.revision());
        ops.clear();
        bytes = 0;
      }
      ops.add(op);
      bytes += size;
    }
    if (!ops.isEmpty()) {
      commit(ops, revision.get(0).revision());
    }
    applied += revision.size();
  }

  private void checkPrevious(List<DeltaFormat.Event> revision, String object) {
    List<java.util.concurrent.CompletableFuture<io.etcd.jetcd.kv.GetResponse>> reads =
        new ArrayList<>();
    for (DeltaFormat.Event event : revision) {
      reads.add(client.getKVClient().get(ByteSequence.from(BASE64.decode(event.key()))));
    }
    for (int i = 0; i < revision.size(); i++) {
      DeltaFormat.Event event = revision.get(i);
      var kvs = await(reads.get(i), "a read before revision " + event.revision()).getKvs();
      byte[] current = kvs.isEmpty() ? null : kvs.get(0).getValue().getBytes();
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

  private void commit(List<Op> ops, long revision) {
    await(client.getKVClient().txn().Then(ops.toArray(Op[]::new)).commit(), "revision " + revision);
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
