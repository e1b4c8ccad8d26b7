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
import io.lifeboat.store.Locations;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    InMemoryObjectStore store = new InMemoryObjectStore(Clock.systemUTC());
    byte[] tiny = "{}".getBytes(StandardCharsets.UTF_8);
    for (BackupId id : ids) {
      BackupRef ref = new BackupRef(Kind.ETCD, PROD, id);
      store.put(ref.catalogKey(), tiny, Condition.none());
      store.put(
          RepositoryLayout.dataObject(Kind.ETCD, PROD, id, "snapshot.db.zst"),
          tiny,
          Condition.none());
    }
    PrunePlanner planner = new PrunePlanner(store, new MutableClock(NOW));
    double[] plan = new double[5];
    int removed = 0;
    for (int i = 0; i < plan.length; i++) {
      long start = System.nanoTime();
      removed = planner.plan(Kind.ETCD, PROD, PruneSettings.of(policy)).removals().size();
      plan[i] = (System.nanoTime() - start) / 1e6;
    }
    System.out.printf(
        "decide %,d catalog entries (etcd defaults): policy %.0f ms, whole plan from listings %.0f ms"
            + " (median of 5; %,d to remove)%n",
        entries, median(decide), median(plan), removed);
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
      for (String key :
          List.of(
              RepositoryLayout.dataObject(Kind.ETCD, PROD, id, "snapshot.db.zst"),
              ref.catalogKey())) {
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, payload);
      }
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
