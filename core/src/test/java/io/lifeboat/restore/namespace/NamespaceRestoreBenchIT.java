package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/namespace-restore.sh}: restores N ConfigMaps (exported from generated lists) into
 * the CRUD mock and prints objects/s and the JVM's peak RSS (mock server included). Skipped unless
 * {@code -Dlifeboat.bench.objects=N} is set. {@code -Dlifeboat.bench.server=crud|stub|keyed} (or
 * the older {@code -Dlifeboat.bench.stub-server=true} for stub) picks the server the objects go to:
 * the CRUD mock's store, a 201 that stores nothing, or a store keyed by name ({@code
 * KeyedCreates}).
 */
class NamespaceRestoreBenchIT {
  private static final String RESTORED = "/api/v1/namespaces/bench-restored/";

  @Test
  void restoreThroughput() throws Exception {
    String objects = System.getProperty("lifeboat.bench.objects");
    Assumptions.assumeTrue(objects != null, "set -Dlifeboat.bench.objects=N to run");
    int count = Integer.parseInt(objects);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
    InMemoryObjectStore store = new InMemoryObjectStore(clock);
    try (MockCluster cluster = new MockCluster()) {
      cluster
          .client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
          .create();
      cluster.dispatcher.generate(
          "/api/v1/namespaces/bench/configmaps", count, NamespaceRestoreBenchIT::configMap);
      BackupRef backup =
          new NamespaceExporter()
              .export(
                  new ExportRequest(
                      cluster.client,
                      new Repository(Repository.backupView(store), clock),
                      Scope.namespace(new ClusterName("prod"), "bench"),
                      null,
                      Selection.all(),
                      Encoding.of(AgeRecipients.none())))
              .backup();
      // crud: fabric8's CRUD mock stores; stub: answered 201, not stored; keyed: stored by name.
      String server =
          System.getProperty(
              "lifeboat.bench.server",
              Boolean.getBoolean("lifeboat.bench.stub-server") ? "stub" : "crud");
      // The namespace itself is always created in the CRUD store; its objects go to the server.
      switch (server) {
        case "stub" -> cluster.dispatcher.acceptCreatesWithoutStoring(RESTORED);
        case "keyed" -> cluster.dispatcher.storeCreatesByName(RESTORED);
        case "crud" -> {}
        default -> throw new IllegalArgumentException("lifeboat.bench.server: crud, stub or keyed");
      }
      NamespaceRestorer restorer =
          new NamespaceRestorer(new Repository(store, clock), cluster.client);
      RestoreOptions options =
          RestoreFixture.fastOptions()
              .withMapping(NamespaceMapping.parse(java.util.List.of("bench:bench-restored")))
              .withParallelism(Integer.getInteger("lifeboat.bench.parallelism", 8));

      long planStart = System.nanoTime();
      RestorePlan plan =
          restorer.plan(
              new RestoreRequest(backup, null, Decoding.withoutIdentities(), options, "bench"));
      long executeStart = System.nanoTime();
      RestoreReport report = restorer.execute(plan);
      long end = System.nanoTime();

      assertThat(report.failures()).isEmpty();
      assertThat(report.count(RestoreReport.Outcome.CREATED)).isEqualTo(count + 1);
      if (server.equals("keyed")) {
        assertThat(cluster.dispatcher.storedByName()).isEqualTo(count);
      }
      double planSeconds = (executeStart - planStart) / 1e9;
      double executeSeconds = (end - executeStart) / 1e9;
      String line =
          String.format(
              Locale.ROOT,
              "namespace restore bench (%s): %d objects, plan %.2f s, execute %.2f s = %.0f objects/s"
                  + " (%.0f objects/s including plan), peak RSS %d MiB (JVM incl. mock server)",
              switch (server) {
                case "stub" -> "server answers 201 without storing";
                case "keyed" -> "server stores by name";
                default -> "CRUD mock";
              },
              count + 1,
              planSeconds,
              executeSeconds,
              (count + 1) / executeSeconds,
              (count + 1) / (planSeconds + executeSeconds),
              peakRssKib() / 1024);
      System.out.println(line);
      Path out =
          Path.of(
              System.getProperty("lifeboat.bench.output", "target/bench-namespace-restore.txt"));
      Files.writeString(
          out,
          line + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private static ObjectNode configMap(int i) {
    ObjectNode cm =
        JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    ObjectNode metadata = cm.putObject("metadata");
    metadata.put("name", String.format(Locale.ROOT, "config-%06d", i));
    metadata.put("namespace", "bench");
    metadata.put("uid", "uid-" + i);
    metadata.put("resourceVersion", String.valueOf(1000 + i));
    metadata.putObject("labels").put("app", "bench").put("shard", String.valueOf(i % 16));
    cm.putObject("data").put("settings.yaml", "key: value-" + i + "\n".repeat(1) + "x".repeat(400));
    return cm;
  }

  private static long peakRssKib() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
