package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A sharded namespace export over 2,000 namespaces of the CRUD mock, each shard a separate run with
 * its own store client (its own {@link Repository} over the shared bucket, as separate pods have),
 * running concurrently in this JVM: every namespace is exported exactly once, a shard that dies
 * mid-run is completed by its retry, and two copies of one shard make one backup per namespace.
 * (The packaged job as four processes: {@code ShardedExportJobIT} in jobs/namespace-export.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedExportIT {
  static final int NAMESPACES = 2000;
  static final int SHARDS = 4;
  static final String SLOT = "20261125T1800Z";
  static final String JOB = "namespace-export-29412345";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private MockCluster cluster;

  @BeforeAll
  void startCluster() {
    cluster = new MockCluster();
    for (int n = 0; n < NAMESPACES; n++) {
      cluster
          .client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(name(n)).endMetadata().build())
          .create();
    }
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  static String name(int n) {
    return String.format("team-%04d", n);
  }

  private ExportRequest template(ObjectStore bucket, Shard shard) {
    // One client of the store per run, as each pod has its own.
    Repository repository =
        new Repository(Repository.backupView(new ForwardingStore(bucket)), clock);
    return new ExportRequest(
        cluster.client,
        repository,
        Scope.namespace(new ClusterName("prod"), "template"),
        SLOT,
        Selection.all()
            .withNamespaces(List.of("team-*"), List.of())
            .withResources(List.of("configmaps"), List.of())
            .withClusterResources(false),
        Encoding.of(AgeRecipients.none()),
        ExportRequest.DEFAULT_PAGE_SIZE,
        null,
        shard);
  }

  /** One pod's run: lists the namespaces itself, exports its shard's. */
  private ShardRun run(ObjectStore bucket, Shard shard, String runner) {
    ExportRequest template = template(bucket, shard);
    List<String> selected =
        NamespaceExporter.selectNamespaces(cluster.client, template.selection());
    return new NamespaceExporter()
        .exportSelected(template, selected, runner, Duration.ofMinutes(30));
  }

  private static String pod(int index, String suffix) {
    return JOB + "-" + index + "-" + suffix;
  }

  /** Catalog entries per namespace, read back from the bucket. */
  private static Map<String, List<Manifest>> backups(InMemoryObjectStore bucket) {
    Map<String, List<Manifest>> byNamespace = new TreeMap<>();
    for (String key : bucket.keys()) {
      if (key.startsWith("catalog/namespace/")) {
        Manifest m = Json.read(bucket.bytes(key), Manifest.class, key);
        byNamespace
            .computeIfAbsent(Scope.parse(m.scope()).namespace(), k -> new java.util.ArrayList<>())
            .add(m);
      }
    }
    return byNamespace;
  }

  private List<ShardRun> concurrently(List<java.util.concurrent.Callable<ShardRun>> runs)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(runs.size());
    try {
      List<ShardRun> done = new java.util.ArrayList<>();
      for (Future<ShardRun> f : pool.invokeAll(runs)) {
        done.add(f.get());
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fourConcurrentShardsExportEveryNamespaceExactlyOnceEachRecordingItsShard() throws Exception {
    InMemoryObjectStore bucket = new InMemoryObjectStore(clock);

    List<ShardRun> runs =
        concurrently(
            IntStream.range(0, SHARDS)
                .<java.util.concurrent.Callable<ShardRun>>mapToObj(
                    i -> () -> run(bucket, new Shard(i, SHARDS), pod(i, "abcde")))
                .toList());

    assertThat(runs).allSatisfy(r -> assertThat(r.failed()).as(r.summary()).isZero());
    assertThat(runs.stream().mapToLong(ShardRun::committed).sum()).isEqualTo(NAMESPACES);
    assertThat(runs).allSatisfy(r -> assertThat(r.selected()).isEqualTo(NAMESPACES));
    Map<String, List<Manifest>> backups = backups(bucket);
    assertThat(backups).hasSize(NAMESPACES);
    backups.forEach(
        (namespace, manifests) -> {
          assertThat(manifests).as(namespace).hasSize(1);
          String shard = manifests.get(0).source(ExportSource.class).shard();
          int index = Integer.parseInt(shard.split("/")[0]);
          assertThat(new Shard(index, SHARDS).owns(namespace)).as(namespace + " " + shard).isTrue();
          assertThat(shard).endsWith("/" + SHARDS);
        });
  }

  @Test
  void aShardThatDiesMidRunIsCompletedByItsRetryWithNoDuplicate() {
    InMemoryObjectStore bucket = new InMemoryObjectStore(clock);
    Shard shard = new Shard(1, SHARDS);
    // The pod dies after 40 commits: from then on none of its requests reaches the store, so the
    // namespace in flight keeps a live `running` claim (as after a SIGKILL) and the rest none.
    DyingStore dying = new DyingStore(bucket, 40);

    ShardRun first = run(dying, shard, pod(1, "abcde"));

    assertThat(first.committed()).isEqualTo(40);
    assertThat(first.failed()).isEqualTo(first.results().size() - 40);
    assertThat(backups(bucket)).hasSize(40);

    ShardRun retry = run(bucket, shard, pod(1, "fghij"));

    assertThat(retry.failed()).as(retry.summary()).isZero();
    assertThat(retry.skipped()).as(retry.summary()).isEqualTo(40);
    assertThat(retry.committed()).isEqualTo(first.results().size() - 40);
    Map<String, List<Manifest>> backups = backups(bucket);
    assertThat(backups.keySet())
        .containsExactlyElementsOf(
            IntStream.range(0, NAMESPACES)
                .mapToObj(ShardedExportIT::name)
                .filter(shard::owns)
                .toList());
    assertThat(backups.values()).allSatisfy(m -> assertThat(m).hasSize(1));
  }

  @Test
  void twoCopiesOfTheSameIndexMakeOneBackupPerNamespace() throws Exception {
    InMemoryObjectStore bucket = new InMemoryObjectStore(clock);
    Shard shard = new Shard(2, SHARDS);

    List<ShardRun> copies =
        concurrently(
            List.of(
                () -> run(bucket, shard, pod(2, "abcde")),
                () -> run(bucket, shard, pod(2, "vwxyz"))));

    Map<String, List<Manifest>> backups = backups(bucket);
    List<String> owned =
        IntStream.range(0, NAMESPACES).mapToObj(ShardedExportIT::name).filter(shard::owns).toList();
    assertThat(backups.keySet()).containsExactlyElementsOf(owned);
    assertThat(backups.values()).allSatisfy(m -> assertThat(m).hasSize(1));
    assertThat(copies.stream().mapToLong(ShardRun::committed).sum()).isEqualTo(owned.size());
  }

  /**
   * A store whose pod dies once {@code commits} catalog entries landed: the next namespace's claim
   * is written, then its data write and every request after it fail, so that namespace keeps a live
   * {@code running} claim (as after a SIGKILL) and the rest get none.
   */
  static final class DyingStore extends ForwardingStore {
    private final AtomicInteger commitsLeft;
    private volatile boolean dead;

    DyingStore(ObjectStore delegate, int commits) {
      super(delegate);
      this.commitsLeft = new AtomicInteger(commits);
    }

    private void check() {
      if (dead) {
        throw new io.lifeboat.error.LocationUnavailableException("the pod is gone");
      }
    }

    @Override
    public Optional<String> put(String key, byte[] content, Condition condition) {
      check();
      Optional<String> etag = super.put(key, content, condition);
      if (key.startsWith("catalog/") && etag.isPresent()) {
        commitsLeft.decrementAndGet();
      }
      return etag;
    }

    @Override
    public ObjectWriter openWriter(String key) {
      if (commitsLeft.get() <= 0) {
        dead = true;
      }
      check();
      return super.openWriter(key);
    }

    @Override
    public Optional<io.lifeboat.store.VersionedObject> read(String key) {
      check();
      return super.read(key);
    }
  }
}
