package io.lifeboat.prune;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.Candidate;
import io.lifeboat.retention.RetentionPolicy;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Prune figures (bench/README.md): deciding over 100k catalog entries (the pure policy, and the
 * whole plan from listings of an in-memory store), median of 5; then pruning 10k backups on
 * S3Proxy: wall time and requests issued. Arguments: {@code [entries] [backupsOnS3]}.
 */
public final class PruneBench {
  private static final Scope PROD = Scope.cluster(new ClusterName("prod"));
  private static final String PREFIX = "bench";
  private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

  private PruneBench() {}

  public static void main(String... args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int onS3 = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    decide(entries);
    if (onS3 > 0) {
      pruneOnS3Proxy(onS3);
    }
  }

  private static void decide(int entries) {
    List<BackupId> ids = ids(entries, Duration.ofMinutes(5));
    List<Candidate> candidates = ids.stream().map(Candidate::complete).toList();
    RetentionPolicy policy = PruneSettings.defaultPolicy(Kind.ETCD);
    double[] decide = new double[5];
    for (int i = 0; i < decide.length; i++) {
      long start = System.nanoTime();
      policy.decide(candidates, NOW);
      decide[i] = (System.nanoTime() - start) / 1e6;
    }
    double[] plan = new double[5];
    int[] removed = new int[1];
    long[] reads = new long[1];
    InMemoryObjectStore store = filled(ids, false);
    for (int i = 0; i < plan.length; i++) {
      plan[i] = timedPlan(store, policy, removed, reads);
    }
    System.out.printf(
        "decide %,d catalog entries (etcd defaults): policy %.0f ms, whole plan from listings and"
            + " the keepers' manifests %.0f ms (median of 5; %,d to remove, %,d manifests read)%n",
        entries, median(decide), median(plan), removed[0], reads[0]);
    // The attack: every entry a well-dated forgery that does not parse. Each is read once.
    InMemoryObjectStore forged = filled(ids, true);
    double worst = timedPlan(forged, policy, removed, reads);
    System.out.printf(
        "the same %,d entries all invalid (non-JSON): plan %.0f ms, %,d manifests read, %,d to"
            + " remove (nothing counts: nothing deleted)%n",
        entries, worst, reads[0], removed[0]);
  }

  private static double timedPlan(
      InMemoryObjectStore store, RetentionPolicy policy, int[] removed, long[] reads) {
    RequestCountingStore counted = new RequestCountingStore(store);
    PrunePlanner planner = new PrunePlanner(counted, new MutableClock(NOW));
    long start = System.nanoTime();
    removed[0] = planner.plan(Kind.ETCD, PROD, PruneSettings.of(policy)).removals().size();
    double millis = (System.nanoTime() - start) / 1e6;
    reads[0] = counted.reads();
    return millis;
  }

  /** One valid backup (or a non-JSON forgery) per id, dated by the store a minute after it. */
  private static InMemoryObjectStore filled(List<BackupId> ids, boolean forged) {
    InMemoryObjectStore store = new InMemoryObjectStore(Clock.systemUTC());
    byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
    for (BackupId id : ids) {
      BackupRef ref = new BackupRef(Kind.ETCD, PROD, id);
      String data = RepositoryLayout.dataObject(Kind.ETCD, PROD, id, "payload.zst");
      store.put(data, payload, Condition.none());
      byte[] entry = forged ? payload : PruneContract.manifest(ref, "payload.zst", payload.length);
      store.put(ref.catalogKey(), entry, Condition.none());
      store.setLastModified(data, id.time().plusSeconds(60));
      store.setLastModified(ref.catalogKey(), id.time().plusSeconds(60));
    }
    return store;
  }

  private static void pruneOnS3Proxy(int backups) throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.started()) {
      String bucket = s3.createBucket();
      List<BackupId> ids = ids(backups, Duration.ofHours(1));
      long fill = System.nanoTime();
      fill(s3, bucket, ids);
      ObjectStore store = Locations.open(s3.locationSettings(bucket, PREFIX));
      System.out.printf(
          "filled S3Proxy with %,d backups (catalog entry + one data object each) in %.1f s%n",
          backups, (System.nanoTime() - fill) / 1e9);
      MutableClock clock = new MutableClock(NOW);
      long start = System.nanoTime();
      Pruner.Outcome outcome =
          new Pruner(store, clock, ExternalResources.none())
              .prune(Kind.ETCD, PROD, PruneSettings.of(RetentionPolicy.newestOnly()), "bench");
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "prune %,d backups on S3Proxy (keep only the newest): %,d backups removed, %,d keys"
              + " deleted, %,d requests, %.1f s wall%n",
          backups,
          outcome.report().catalogEntries(),
          outcome.report().deleted().size(),
          outcome.requests(),
          seconds);
      store.close();
    }
  }

  /**
   * Writes the backups as files straight into S3Proxy's filesystem backend: setting up is not what
   * is measured, and PutObject on S3Proxy's filesystem backend is slow (about 30 ms each here).
   */
  private static void fill(S3ProxyServer s3, String bucket, List<BackupId> ids) throws Exception {
    Path root = s3.bucketDirectory(bucket).resolve(PREFIX);
    byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
    for (BackupId id : ids) {
      BackupRef ref = new BackupRef(Kind.ETCD, PROD, id);
      // Dated as a one-minute run would leave them: the catalog is judged by the store's clock.
      FileTime written = FileTime.from(id.time().plusSeconds(60));
      Path data = root.resolve(RepositoryLayout.dataObject(Kind.ETCD, PROD, id, "payload.zst"));
      Path entry = root.resolve(ref.catalogKey());
      Files.createDirectories(data.getParent());
      Files.createDirectories(entry.getParent());
      Files.write(data, payload);
      Files.write(entry, PruneContract.manifest(ref, "payload.zst", payload.length));
      Files.setLastModifiedTime(data, written);
      Files.setLastModifiedTime(entry, written);
    }
  }

  /** {@code count} ids {@code every} apart, the newest at NOW, oldest first. */
  private static List<BackupId> ids(int count, Duration every) {
    List<BackupId> ids = new ArrayList<>(count);
    for (int i = count; i > 0; i--) {
      String suffix = HexFormat.of().toHexDigits((short) i);
      ids.add(new BackupId(NOW.minus(every.multipliedBy(i)), suffix));
    }
    return ids;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
