import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One simulated minute of the delta benchmark's steady writer (bench/etcd-delta.sh): {@code PUTS}
 * puts of ~2 KiB values over a fixed set of {@code KEYS} keys ({@code /registry/pods/bench/p-N}),
 * as fast as etcd takes them (up to 16 in flight), then, every fifth minute, a compaction to the
 * revision recorded five minutes before, as kube-apiserver compacts every 5 minutes. Prints the
 * revision after the minute's puts. Run on the CLI's class path (jetcd is there):
 *
 * <pre>java -cp 'jobs/cli/target/quarkus-app/lib/main/*' bench/DeltaLoad.java ENDPOINT MINUTE PUTS KEYS COMPACT_TO</pre>
 *
 * <p>Values are JSON-like text with random names, uids and numbers (as Fill.java's non-Secret
 * types: zstd gets about 3-4x on them), so neither the delta's compression nor etcd is flattered
 * by repetition.
 */
public final class DeltaLoad {
  public static void main(String[] args) throws Exception {
    String endpoint = args[0];
    int minute = Integer.parseInt(args[1]);
    int puts = Integer.parseInt(args[2]);
    int keys = Integer.parseInt(args[3]);
    long compactTo = Long.parseLong(args[4]);
    SplittableRandom random = new SplittableRandom(1000L + minute);
    try (Client client = Client.builder().endpoints(endpoint).build()) {
      KV kv = client.getKVClient();
      Semaphore inFlight = new Semaphore(16);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      for (int i = 0; i < puts && failure.get() == null; i++) {
        int key = random.nextInt(keys);
        inFlight.acquire();
        kv.put(bytes("/registry/pods/bench/p-" + key), bytes(value(random, key, minute)))
            .whenComplete(
                (r, e) -> {
                  if (e != null) {
                    failure.compareAndSet(null, e);
                  }
                  inFlight.release();
                });
      }
      inFlight.acquire(16);
      if (failure.get() != null) {
        throw new IllegalStateException(failure.get());
      }
      long revision = kv.get(bytes("/bench/none")).get().getHeader().getRevision();
      if (compactTo > 0) {
        client.getKVClient().compact(compactTo).get();
      }
      System.out.println(revision);
    }
  }

  static ByteSequence bytes(String text) {
    return ByteSequence.from(text, StandardCharsets.UTF_8);
  }

  /** About 2 KiB: a pod-like JSON document with random uids, names and numbers. */
  static String value(SplittableRandom random, int key, int minute) {
    StringBuilder json = new StringBuilder(2200);
    json.append("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p-")
        .append(key)
        .append("\",\"namespace\":\"bench\",\"uid\":\"")
        .append(Long.toHexString(random.nextLong()))
        .append(Long.toHexString(random.nextLong()))
        .append("\",\"resourceVersion\":\"")
        .append(minute)
        .append("\",\"labels\":{");
    while (json.length() < 2000) {
      json.append("\"l")
          .append(Integer.toHexString(random.nextInt()))
          .append("\":\"")
          .append(Long.toString(random.nextLong(), 36))
          .append("\",");
    }
    return json.append("\"end\":\"1\"}}}").toString();
  }
}
