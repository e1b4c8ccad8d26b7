package io.lifeboat.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.export.MockCluster;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.JobProcess;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench/namespace-export-shards.sh}: 2,000 namespaces x 20 ConfigMaps in the CRUD mock (this
 * JVM), exported by N packaged job processes at once (N = each of {@code -Dlifeboat.bench.shards},
 * e.g. 1,2,4), every type discovered and listed as the CronJob does. Prints the wall time, its
 * ratio to the first N, and the CPU the mock server's JVM used. Skipped unless the property is set.
 */
class ShardedExportBenchIT {
  @TempDir Path dir;

  @Test
  void shardedExportWallTime() throws Exception {
    String shards = System.getProperty("lifeboat.bench.shards");
    Assumptions.assumeTrue(shards != null, "set -Dlifeboat.bench.shards=1,2,4 to run");
    int namespaces = Integer.getInteger("lifeboat.bench.namespaces", 2000);
    int objects = Integer.getInteger("lifeboat.bench.objects", 20);
    List<String> lines = new ArrayList<>();
    try (MockCluster cluster = new MockCluster()) {
      for (int n = 0; n < namespaces; n++) {
        String name = String.format("team-%04d", n);
        cluster
            .client
            .namespaces()
            .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
            .create();
        cluster.dispatcher.generate(
            "/api/v1/namespaces/" + name + "/configmaps", objects, i -> configMap(name, i));
      }
      double first = 0;
      for (String each : shards.split(",")) {
        int count = Integer.parseInt(each.strip());
        Path repo = dir.resolve("repo-" + count);
        FileObjectStore.createRoot(repo).close();
        new RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC()).init(Set.of());
        long cpu0 = cpu();
        long start = System.nanoTime();
        List<Process> pods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          pods.add(pod(cluster, repo, i, count).start());
        }
        for (Process pod : pods) {
          assertThat(pod.waitFor(30, TimeUnit.MINUTES)).isTrue();
          assertThat(pod.exitValue()).isZero();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double serverCpu = (cpu() - cpu0) / 1e9;
        assertThat(catalogEntries(repo)).isEqualTo(namespaces);
        first = first == 0 ? wall : first;
        lines.add(
            String.format(
                Locale.ROOT,
                "sharded export: %d namespaces x %d ConfigMaps, N=%d processes: wall %.1f s"
                    + " (%.2f x the first N), %.0f namespaces/s, mock server JVM CPU %.1f s",
                namespaces,
                objects,
                count,
                wall,
                wall / first,
                namespaces / wall,
                serverCpu));
        System.out.println(lines.get(lines.size() - 1));
      }
    }
    Path out =
        Path.of(
            System.getProperty(
                "lifeboat.bench.output", "target/bench-namespace-export-shards.txt"));
    Files.write(
        out,
        lines,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  private ProcessBuilder pod(MockCluster cluster, Path repo, int index, int count) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("LIFEBOAT_JOB_NAME", "lifeboat-namespace-export-29412345");
    env.put("HOSTNAME", "lifeboat-namespace-export-29412345-" + index + "-bench");
    env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
    env.put("LIFEBOAT_EXPORT_SHARDS", Integer.toString(count));
    env.put("LIFEBOAT_EXPORT_NAMESPACES", "team-*");
    env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", cluster.client.getMasterUrl().toString());
    env.put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
    // The job's own flags, as the CronJob sets them (k8s/cronjobs/jvm-options.env).
    env.put("JAVA_TOOL_OPTIONS", System.getProperty("lifeboat.bench.jvm-options", ""));
    return JobProcess.builder(env)
        .redirectOutput(dir.resolve("pod-" + count + "-" + index + ".log").toFile());
  }

  private static long catalogEntries(Path repo) throws Exception {
    try (Stream<Path> files = Files.walk(repo.resolve("catalog/namespace/prod"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .count();
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static ObjectNode configMap(String namespace, int i) {
    ObjectNode cm =
        JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.putObject("metadata").put("name", "config-" + i).put("namespace", namespace);
    cm.putObject("data").put("value", "x".repeat(200) + i);
    return cm;
  }
}
