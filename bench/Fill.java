import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills etcd with Kubernetes-shaped keys until the member's DB reaches a target size. Run as a
 * single-file program on the job's own class path (jetcd is there):
 *
 * <pre>java -cp 'jobs/etcd-snapshot/target/quarkus-app/lib/main/*' bench/Fill.java ENDPOINT BYTES</pre>
 *
 * <p>Keys: {@code /registry/<type>/<ns>/<name>}. Values: 1-20 KiB, uniform. Compressibility is a
 * deliberate mix so neither zstd nor the network is flattered: Secrets (1 in 4 keys) carry random
 * bytes (incompressible, as real key material is); every other type is JSON-like text whose
 * structure repeats but whose names, uids and numbers are random (zstd -3 gets about 3-4x on it).
 * Overall the snapshot compresses to roughly 45-50% of its size. Puts are pipelined (up to 64 in
 * flight). Resumable: a second run with a larger target continues after the keys already there.
 */
public final class Fill {
  private static final String[] TYPES = {
    "secrets", "configmaps", "pods", "deployments", "services", "events", "replicasets", "leases"
  };

  public static void main(String[] args) throws Exception {
    String endpoint = args[0];
    long target = Long.parseLong(args[1]);
    SplittableRandom random = new SplittableRandom(42);
    try (Client client = Client.builder().endpoints(endpoint).build()) {
      KV kv = client.getKVClient();
      long dbSize = dbSize(client, endpoint);
      long start = kv.get(ByteSequence.from("/bench/next", StandardCharsets.UTF_8)).get().getKvs()
          .stream().findFirst().map(k -> Long.parseLong(k.getValue().toString())).orElse(0L);
      Semaphore inFlight = new Semaphore(64);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      long i = start;
      long t0 = System.nanoTime();
      long written = 0;
      while (dbSize < target) {
        for (int batch = 0; batch < 2000; batch++, i++) {
          String type = TYPES[(int) (i % TYPES.length)];
          String key = "/registry/" + type + "/ns-" + (i % 97) + "/" + type + "-" + i;
          int size = 1024 + random.nextInt(19 * 1024 + 1);
          byte[] value = type.equals("secrets") ? randomBytes(random, size) : json(random, type, i, size);
          written += value.length;
          inFlight.acquire();
          kv.put(ByteSequence.from(key, StandardCharsets.UTF_8), ByteSequence.from(value))
              .whenComplete(
                  (r, e) -> {
                    if (e != null) {
                      failure.compareAndSet(null, e);
                    }
                    inFlight.release();
                  });
          if (failure.get() != null) {
            throw new IllegalStateException("put failed", failure.get());
          }
        }
        inFlight.acquire(64);
        inFlight.release(64);
        dbSize = dbSize(client, endpoint);
      }
      kv.put(
              ByteSequence.from("/bench/next", StandardCharsets.UTF_8),
              ByteSequence.from(Long.toString(i), StandardCharsets.UTF_8))
          .get();
      System.out.printf(
          "filled: %d keys in total, db %d bytes (%d MiB of values written in %.1f s)%n",
          i, dbSize, written >> 20, (System.nanoTime() - t0) / 1e9);
    }
  }

  private static long dbSize(Client client, String endpoint) throws Exception {
    return client.getMaintenanceClient().statusMember(endpoint).get().getDbSize();
  }

  private static byte[] randomBytes(SplittableRandom random, int size) {
    byte[] b = new byte[size];
    for (int j = 0; j < size; j += 8) {
      long r = random.nextLong();
      for (int k = 0; k < 8 && j + k < size; k++) {
        b[j + k] = (byte) (r >>> (8 * k));
      }
    }
    return b;
  }

  private static byte[] json(SplittableRandom random, String type, long i, int size) {
    StringBuilder s = new StringBuilder(size + 256);
    s.append("{\"apiVersion\":\"v1\",\"kind\":\"").append(type).append("\",\"metadata\":{\"name\":\"")
        .append(type).append('-').append(i).append("\",\"uid\":\"")
        .append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong()))
        .append("\",\"resourceVersion\":\"").append(random.nextInt(1 << 30))
        .append("\",\"labels\":{\"app.kubernetes.io/name\":\"shop\",\"tier\":\"backend\"}},\"data\":{");
    int n = 0;
    while (s.length() < size) {
      s.append("\"key-").append(n++).append("\":\"replicas=").append(random.nextInt(100))
          .append(" image=registry.example.com/shop/api:").append(random.nextInt(1000))
          .append(" checksum=").append(Long.toHexString(random.nextLong()))
          .append(" env=production region=eu-west-1\",");
    }
    s.setLength(size - 2);
    s.append("}}");
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
