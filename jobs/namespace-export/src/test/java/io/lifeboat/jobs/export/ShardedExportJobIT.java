package io.lifeboat.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.Shard;
import io.lifeboat.repository.Claim;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.JobProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged export job as the pods of an Indexed Job run it: separate JVMs, each with its own
 * {@code JOB_COMPLETION_INDEX}, against one CRUD mock and one file repository. Four shards run at
 * once and export every namespace exactly once; a shard killed mid-run (SIGKILL) and run again as
 * the Job's retry pod completes its namespaces with no duplicate; two copies of one index running
 * at once (a replacement pod started while its predecessor still runs, e.g. on a partitioned node)
 * commit each namespace once, the copy that lost a namespace reporting it skipped, not failed. (The
 * same with 2,000 namespaces, in one JVM: core's ShardedExportIT.)
 *
 * <p>The repository is a file one, not S3Proxy: the two copies race If-Match writes on the same
 * claim, and S3Proxy 4.1.0 checks If-Match and then writes without a lock (two concurrent PUTs with
 * the same If-Match both succeeded in 163 of 300 tries), so on it the copies can both commit. The
 * file store compares and renames under a per-key lock, as S3 itself is atomic.
 */
class ShardedExportJobIT {
  static final String JOB = "lifeboat-namespace-export-29412345";

  @TempDir Path dir;
  private Path repo;
  private MockCluster cluster;

  @BeforeEach
  void start() throws IOException {
    repo = dir.resolve("repo");
    FileObjectStore.createRoot(repo).close();
    new RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC()).init(Set.of());
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  /** {@code count} namespaces, each listing {@code objects} generated ConfigMaps. */
  private List<String> namespaces(int count, int objects) {
    List<String> names = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      String name = String.format("team-%03d", n);
      cluster
          .client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
      cluster.dispatcher.generate(
          "/api/v1/namespaces/" + name + "/configmaps", objects, i -> configMap(name, i));
      names.add(name);
    }
    return names;
  }

  private static ObjectNode configMap(String namespace, int i) {
    ObjectNode cm =
        JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.putObject("metadata").put("name", "config-" + i).put("namespace", namespace);
    cm.putObject("data").put("value", "x".repeat(200) + i);
    return cm;
  }

  private ProcessBuilder pod(int index, int shards, String suffix) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("LIFEBOAT_JOB_NAME", JOB);
    env.put("HOSTNAME", JOB + "-" + index + "-" + suffix);
    env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
    env.put("LIFEBOAT_EXPORT_SHARDS", Integer.toString(shards));
    env.put("LIFEBOAT_EXPORT_NAMESPACES", "team-*");
    env.put("LIFEBOAT_EXPORT_RESOURCES", "configmaps");
    env.put("LIFEBOAT_EXPORT_INCLUDE_CLUSTER_RESOURCES", "false");
    env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", cluster.client.getMasterUrl().toString());
    env.put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
    return JobProcess.builder(env)
        .redirectOutput(dir.resolve("pod-" + index + "-" + suffix).toFile());
  }

  private int waitFor(Process process) throws Exception {
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the pod finished").isTrue();
    return process.exitValue();
  }

  private String log(int index, String suffix) throws IOException {
    return Files.readString(dir.resolve("pod-" + index + "-" + suffix), StandardCharsets.UTF_8);
  }

  /** Catalog entries per namespace, as the file repository holds them. */
  private Map<String, Long> backups() throws IOException {
    Path catalog = repo.resolve("catalog/namespace/prod");
    Map<String, Long> counts = new TreeMap<>();
    if (!Files.isDirectory(catalog)) {
      return counts;
    }
    try (Stream<Path> files = Files.walk(catalog)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .forEach(p -> counts.merge(p.getParent().getFileName().toString(), 1L, Long::sum));
    }
    return counts;
  }

  @Test
  void fourPodsOfAnIndexedJobExportEveryNamespaceExactlyOnce() throws Exception {
    List<String> names = namespaces(120, 3);

    List<Process> pods = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pods.add(pod(i, 4, "abcde").start());
    }
    for (int i = 0; i < 4; i++) {
      assertThat(waitFor(pods.get(i))).as(log(i, "abcde")).isZero();
      assertThat(log(i, "abcde")).contains("namespace export shard " + i + "/4: ");
    }

    Map<String, Long> backups = backups();
    assertThat(backups.keySet()).containsExactlyElementsOf(names);
    assertThat(backups.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
  }

  @Test
  void aPodKilledMidRunIsCompletedByItsRetryWithNoDuplicate() throws Exception {
    Shard shard = new Shard(1, 4);
    // Slow namespaces (4,000 objects each), so the pod is still working when it is killed; it is
    // killed once it committed one namespace and holds the claim of the next, not in between.
    List<String> mine = namespaces(24, 4000).stream().filter(shard::owns).toList();
    assertThat(mine).hasSizeGreaterThan(2);

    Process first = pod(1, 4, "abcde").start();
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                !first.isAlive()
                    || (backups().size() >= 1 && !claims("running", JOB + "-1-abcde").isEmpty()));
    assertThat(first.isAlive()).as("still running when killed: " + log(1, "abcde")).isTrue();
    first.destroyForcibly().waitFor();
    Map<String, Long> before = backups();
    assertThat(before.size()).as(log(1, "abcde")).isLessThan(mine.size());
    // Killed inside a namespace: its claim is left 'running', so the retry must take it over.
    assertThat(claims("running", JOB + "-1-abcde")).as(log(1, "abcde")).isNotEmpty();

    Process retry = pod(1, 4, "fghij").start();

    assertThat(waitFor(retry)).as(log(1, "fghij")).isZero();
    Map<String, Long> backups = backups();
    assertThat(backups.keySet()).containsExactlyElementsOf(mine);
    assertThat(backups.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    assertThat(log(1, "fghij"))
        .contains("namespace export shard 1/4: " + mine.size() + " of 24 selected namespaces");
  }

  @Test
  void twoCopiesOfOneIndexRunningAtOnceCommitEachNamespaceOnceAndNeitherFails() throws Exception {
    Shard shard = new Shard(1, 2);
    List<String> mine = namespaces(60, 300).stream().filter(shard::owns).toList();
    Process first = pod(1, 2, "abcde").start();
    Process second = pod(1, 2, "fghij").start();

    assertThat(waitFor(first)).as(log(1, "abcde")).isZero();
    assertThat(waitFor(second)).as(log(1, "fghij")).isZero();
    Map<String, Long> backups = backups();
    assertThat(backups.keySet()).containsExactlyElementsOf(mine);
    assertThat(backups.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    // Each namespace was committed by one copy and skipped by the other (held, done, or taken
    // over while the losing copy still exported it): never failed.
    int[] first1 = summary(log(1, "abcde"));
    int[] second1 = summary(log(1, "fghij"));
    assertThat(first1[0] + second1[0]).as("committed").isEqualTo(mine.size());
    assertThat(first1[1] + second1[1]).as("skipped").isEqualTo(mine.size());
    assertThat(first1[2] + second1[2]).as("failed").isZero();
  }

  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) committed \\(\\d+ partial\\), (\\d+) skipped, (\\d+) failed");

  /** Committed, skipped, failed, from a pod's closing summary line. */
  private static int[] summary(String log) {
    Matcher matcher = SUMMARY.matcher(log);
    assertThat(matcher.find()).as(log).isTrue();
    return new int[] {
      Integer.parseInt(matcher.group(1)),
      Integer.parseInt(matcher.group(2)),
      Integer.parseInt(matcher.group(3))
    };
  }

  /** The claim markers in {@code state} held by {@code runner}. */
  private List<Path> claims(String state, String runner) throws IOException {
    Path claims = repo.resolve("claims");
    try (Stream<Path> files = Files.walk(claims)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(
              p -> {
                Claim claim = Json.read(read(p), Claim.class, p.toString());
                return claim.state().equals(state) && claim.runner().equals(runner);
              })
          .toList();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Integer> indexes(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}
