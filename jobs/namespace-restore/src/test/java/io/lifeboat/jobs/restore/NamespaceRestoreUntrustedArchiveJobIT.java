package io.lifeboat.jobs.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.export.MockCluster;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.ForgedBackup;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.JobProcess;
import io.lifeboat.testing.JobProcess.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged restore job against archives forged as the backup identity would (issue 13, attacks
 * 6 and 8): a real JVM with a 256 MiB heap restores 100,000 objects and refuses compression bombs
 * with a reason, and no Secret value reaches stdout, stderr, the log or the stored report.
 */
class NamespaceRestoreUntrustedArchiveJobIT {
  private static final String SECRET = "hunter2-correct-horse";
  private static final String SECRET_BASE64 =
      Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

  private final java.util.logging.Logger quietMockServer =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  @TempDir Path dir;
  private Path repo;
  private FileObjectStore store;
  private MockCluster cluster;

  @BeforeEach
  void start() throws IOException {
    repo = dir.resolve("repo");
    FileObjectStore.createRoot(repo).close();
    store = new FileObjectStore(repo);
    new RepositoryInitializer(store, Clock.systemUTC()).init(Set.of());
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() throws IOException {
    cluster.close();
    store.close();
  }

  @Test
  void aHundredThousandObjectsRestoreInA256MiBHeap() {
    int count = 100_000;
    ForgedBackup.write(
        store,
        Clock.systemUTC(),
        Scope.parse("prod/bench"),
        tar -> {
          ForgedBackup.entry(tar, "resources/namespaces/cluster/bench.json", namespace("bench"));
          for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "config-%06d", i);
            ForgedBackup.entry(
                tar,
                "resources/configmaps/namespaces/bench/" + name + ".json",
                configMap(name, i).getBytes(StandardCharsets.UTF_8));
          }
        });
    // The mock answers 201 without storing (the test JVM need not hold 100k objects) and does
    // not log each request.
    cluster.dispatcher.acceptCreatesWithoutStoring("/api/v1/namespaces/bench/");
    quietMockServer.setLevel(java.util.logging.Level.WARNING);

    long started = System.nanoTime();
    Result result = run("bench", Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m"));
    long seconds = (System.nanoTime() - started) / 1_000_000_000;

    String summary = lastLine(result.output());
    assertThat(result.exitCode()).as(summary).isZero();
    assertThat(summary).contains((count + 1) + " created, 0 updated, 0 skipped, 0 failed");
    assertThat(result.output()).doesNotContain("OutOfMemoryError");
    System.out.println("100k objects at -Xmx256m: " + seconds + " s; " + summary);
  }

  @Test
  void compressionBombsAreRefusedWithAReasonInA256MiBHeap() {
    ForgedBackup.write(
        store,
        Clock.systemUTC(),
        Scope.parse("prod/shop"),
        tar -> {
          ForgedBackup.entry(tar, "resources/namespaces/cluster/shop.json", namespace("shop"));
          ForgedBackup.zeros(tar, "resources/secrets/namespaces/shop/bomb.json", 1L << 30);
        });

    Result entry = run("shop", Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m"));

    assertThat(entry.exitCode()).as(entry.output()).isEqualTo(3);
    assertThat(entry.output())
        .contains(
            "failed   secrets shop/bomb (tar entry resources/secrets/namespaces/shop/bomb.json is"
                + " 1073741824 bytes, over lifeboat.restore.max-object-size")
        .contains("created  namespaces shop");

    ForgedBackup.raw(
        store,
        Clock.systemUTC(),
        Scope.parse("prod/shop"),
        out -> {
          ForgedBackup.version(out);
          out.write(ForgedBackup.header("././@LongLink", 'L', 1L << 30));
          ForgedBackup.zeros(out, 1L << 30);
        });

    Result header = run("shop", Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m"));

    assertThat(header.exitCode()).as(header.output()).isEqualTo(6);
    assertThat(header.output()).contains("has a tar header entry (type L) of 1073741824 bytes");
  }

  @Test
  void noSecretValueReachesTheOutputTheLogOrTheStoredReport() throws IOException {
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("resources/namespaces/cluster/shop.json", new String(namespace("shop")));
    objects.put("resources/secrets/namespaces/shop/patched.json", secret("patched"));
    objects.put("resources/secrets/namespaces/shop/refused.json", secret("refused"));
    objects.put(
        "resources/secrets/namespaces/shop/broken.json", "{\"data\": {\"p\": " + SECRET + "}");
    ForgedBackup.of(store, Clock.systemUTC(), Scope.parse("prod/shop"), objects);
    cluster.dispatcher.refuseCreate(
        "/api/v1/namespaces/shop/secrets",
        "refused",
        422,
        "Invalid",
        "Secret \"refused\" is invalid: data[password]: Invalid value: \"" + SECRET_BASE64 + "\"",
        "data[password]",
        "FieldValueInvalid");
    Path modifiers = dir.resolve("modifiers.yaml");
    Files.writeString(
        modifiers,
        """
        version: v1
        resourceModifierRules:
          - conditions:
              groupResource: secrets
              resourceNameRegex: "^patched$"
            patches:
              - operation: test
                path: /data/password
                value: d3Jvbmc=
        """);

    Result result =
        run("shop", Map.of("LIFEBOAT_RESTORE_RESOURCE_MODIFIERS", modifiers.toString()));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output())
        .contains("failed   secrets shop/patched (")
        .contains("patch 1 (test /data/password) found a different value at its path")
        .contains(
            "failed   secrets shop/refused (HTTP 422 Invalid: data[password] FieldValueInvalid")
        .contains("failed   secrets shop/broken (tar entry")
        .doesNotContain(SECRET)
        .doesNotContain(SECRET_BASE64);
    List<Path> reports;
    try (Stream<Path> files = Files.walk(repo.resolve("restores"))) {
      reports = files.filter(Files::isRegularFile).toList();
    }
    assertThat(reports).hasSize(1);
    assertThat(Files.readString(reports.get(0)))
        .contains("/data/password")
        .doesNotContain(SECRET)
        .doesNotContain(SECRET_BASE64);
  }

  private Result run(String namespace, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("LIFEBOAT_CLUSTER", "prod");
    env.put("LIFEBOAT_LOCATION", "file://" + repo);
    env.put("LIFEBOAT_RESTORE_NAMESPACE", namespace);
    env.put("LIFEBOAT_RESTORE_VOLUMES_BACKUP", "none");
    env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", cluster.client.getMasterUrl().toString());
    env.put("KUBECONFIG", dir.resolve("no-kubeconfig").toString());
    env.putAll(extra);
    return JobProcess.run(env);
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static byte[] namespace(String name) {
    return ("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
            + name
            + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String secret(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"shop\"},\"type\":\"Opaque\",\"data\":{\"password\":\""
        + SECRET_BASE64
        + "\"}}";
  }

  private static String configMap(String name, int i) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"bench\",\"uid\":\"uid-"
        + i
        + "\",\"labels\":{\"app\":\"bench\"}},\"data\":{\"settings.yaml\":\""
        + "x".repeat(400)
        + "\"}}";
  }
}
