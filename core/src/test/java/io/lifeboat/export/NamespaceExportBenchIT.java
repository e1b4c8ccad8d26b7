package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Encoding;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/namespace-export.sh}: exports N objects (half ConfigMaps of about 0.5 KiB, half
 * Opaque Secrets of 256 random bytes, generated page by page by the mock) from namespace {@code
 * bench} of the CRUD mock, then runs the real kubectl ({@code -Dlifeboat.bench.kubectl=PATH}, a
 * 1.20 binary) {@code get configmaps,secrets -n bench -o json} against the same server, and prints
 * objects/s of both, their ratio and peak RSS. Skipped unless {@code -Dlifeboat.bench.objects=N} is
 * set.
 */
class NamespaceExportBenchIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int ROUNDS = Integer.getInteger("lifeboat.bench.rounds", 3);

  @Test
  void exportThroughputAgainstKubectlGet() throws Exception {
    String objects = System.getProperty("lifeboat.bench.objects");
    Assumptions.assumeTrue(objects != null, "set -Dlifeboat.bench.objects=N to run");
    int count = Integer.parseInt(objects);
    int configMaps = count - count / 2;
    int secrets = count / 2;
    String kubectl = System.getProperty("lifeboat.bench.kubectl", "kubectl");
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
    List<String> lines = new ArrayList<>();
    try (MockCluster cluster = new MockCluster()) {
      cluster
          .client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
          .create();
      cluster.dispatcher.generate(
          "/api/v1/namespaces/bench/configmaps", configMaps, NamespaceExportBenchIT::configMap);
      cluster.dispatcher.generate(
          "/api/v1/namespaces/bench/secrets", secrets, NamespaceExportBenchIT::secret);
      String server = cluster.client.getMasterUrl().toString();
      long baselineKib = peakRssKib();

      Path work = Files.createTempDirectory("kubectl-bench");
      int printed = kubectlItems(kubectl, server, work);
      assertThat(printed).isEqualTo(count);

      // Round 0 is the cold run (class loading, JIT): a job runs once per fresh JVM. Each round
      // runs the export and kubectl back to back, so the same-round ratio sees the same load.
      List<Double> allTypes = new ArrayList<>();
      List<Double> twoTypes = new ArrayList<>();
      List<Long> exportPeaks = new ArrayList<>();
      List<Double> kubectlWall = new ArrayList<>();
      List<Long> kubectlRss = new ArrayList<>();
      List<Double> kubectlCpu = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Double> twoRatios = new ArrayList<>();
      double cold = 0;
      double coldKubectl = 0;
      for (int round = 0; round <= ROUNDS; round++) {
        boolean reset = resetPeakRss();
        Measured all = export(cluster, clock, Selection.all(), count);
        exportPeaks.add(reset ? peakRssKib() : -1);
        Measured two =
            export(
                cluster,
                clock,
                Selection.all()
                    .withResources(List.of("configmaps", "secrets"), List.of())
                    .withClusterResources(false),
                count);
        Measured get = kubectl(kubectl, server, work.resolve("cache-" + round), work);
        if (round == 0) {
          cold = all.seconds;
          coldKubectl = get.seconds;
        } else {
          allTypes.add(all.seconds);
          twoTypes.add(two.seconds);
          kubectlWall.add(get.seconds);
          kubectlRss.add(get.peakKib);
          kubectlCpu.add(get.cpuSeconds);
          ratios.add(all.seconds / get.seconds);
          twoRatios.add(two.seconds / get.seconds);
        }
      }

      double exportWarm = median(allTypes);
      double exportTwo = median(twoTypes);
      double kubectlMedian = median(kubectlWall);
      lines.add(
          String.format(
              Locale.ROOT,
              "namespace export bench: %d objects (%d configmaps, %d secrets), mock %s, %s",
              count,
              configMaps,
              secrets,
              server,
              kubectlVersion(kubectl)));
      lines.add(
          String.format(
              Locale.ROOT,
              "  export, all types (as the job): cold %.3f s; warm median of %d %.3f s %s"
                  + " = %.0f objects/s",
              cold,
              ROUNDS,
              exportWarm,
              seconds(allTypes),
              count / exportWarm));
      lines.add(
          String.format(
              Locale.ROOT,
              "  export, configmaps+secrets only: warm median of %d %.3f s %s = %.0f objects/s",
              ROUNDS,
              exportTwo,
              seconds(twoTypes),
              count / exportTwo));
      lines.add(
          String.format(
              Locale.ROOT,
              "  kubectl get configmaps,secrets -o json: median of %d %.3f s %s = %.0f objects/s,"
                  + " kubectl's own CPU (user+sys) %s s, peak RSS %s MiB",
              ROUNDS,
              kubectlMedian,
              seconds(kubectlWall),
              count / kubectlMedian,
              seconds(kubectlCpu),
              kubectlRss.stream().map(k -> String.valueOf(k / 1024)).toList()));
      lines.add(
          String.format(
              Locale.ROOT,
              "  ratio export wall / kubectl wall, median of same-round ratios: all types %.2f %s;"
                  + " configmaps+secrets %.2f %s; cold round (first export in the JVM) %.2f",
              median(ratios),
              seconds(ratios),
              median(twoRatios),
              seconds(twoRatios),
              cold / coldKubectl));
      lines.add(
          String.format(
              Locale.ROOT,
              "  JVM peak RSS (VmHWM, mock server + JUnit included): before exports %d MiB;"
                  + " during each all-types export (HWM reset before each) %s MiB; whole run %d MiB",
              baselineKib / 1024,
              exportPeaks.stream().map(k -> k < 0 ? "n/a" : String.valueOf(k / 1024)).toList(),
              peakRssKib() / 1024));
    }
    lines.forEach(System.out::println);
    Path out =
        Path.of(System.getProperty("lifeboat.bench.output", "target/bench-namespace-export.txt"));
    Files.writeString(
        out, String.join("\n", lines) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private record Measured(double seconds, long peakKib, double cpuSeconds) {}

  private static Measured export(
      MockCluster cluster, MutableClock clock, Selection selection, int count) {
    InMemoryObjectStore store = new InMemoryObjectStore(clock);
    long start = System.nanoTime();
    ExportReport report =
        new NamespaceExporter()
            .export(
                new ExportRequest(
                    cluster.client,
                    new Repository(Repository.backupView(store), clock),
                    Scope.namespace(new ClusterName("prod"), "bench"),
                    null,
                    selection,
                    Encoding.of(AgeRecipients.none())));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(report.outcome()).isEqualTo(ExportReport.Outcome.COMPLETED);
    assertThat(report.source().counts().get("configmaps")).isEqualTo(count - count / 2);
    assertThat(report.source().counts().get("secrets")).isEqualTo(count / 2);
    return new Measured(seconds, -1, -1);
  }

  private static List<String> kubectlCommand(String kubectl, String server, Path cacheDir) {
    return List.of(
        kubectl,
        "--server=" + server,
        "--insecure-skip-tls-verify",
        "--cache-dir=" + cacheDir,
        "get",
        "configmaps,secrets",
        "-n",
        "bench",
        "-o",
        "json");
  }

  /** One timed run, fresh discovery cache (the exporter discovers on every run too). */
  private static Measured kubectl(String kubectl, String server, Path cacheDir, Path work)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v"));
    command.addAll(kubectlCommand(kubectl, server, cacheDir));
    Path err = work.resolve("time-" + cacheDir.getFileName() + ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    builder.environment().put("KUBECONFIG", work.resolve("no-kubeconfig").toString());
    long start = System.nanoTime();
    Process process = builder.start();
    boolean done = process.waitFor(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = Files.readString(err);
    assertThat(done && process.exitValue() == 0).as(report).isTrue();
    long peak = -1;
    double cpu = 0;
    for (String line : report.split("\n")) {
      if (line.contains("User time (seconds):") || line.contains("System time (seconds):")) {
        cpu += Double.parseDouble(line.substring(line.lastIndexOf(':') + 1).trim());
      }
      if (line.contains("Maximum resident set size (kbytes):")) {
        peak = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return new Measured(seconds, peak, cpu);
  }

  /** An untimed run that keeps kubectl's output, to check it printed every object. */
  private static int kubectlItems(String kubectl, String server, Path work) throws Exception {
    Path json = work.resolve("kubectl.json");
    ProcessBuilder builder =
        new ProcessBuilder(kubectlCommand(kubectl, server, work.resolve("cache-check")))
            .redirectOutput(json.toFile())
            .redirectError(work.resolve("kubectl-check.err").toFile());
    builder.environment().put("KUBECONFIG", work.resolve("no-kubeconfig").toString());
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES) && process.exitValue() == 0)
        .as(Files.readString(work.resolve("kubectl-check.err")))
        .isTrue();
    JsonNode list = MAPPER.readTree(json.toFile());
    return list.path("items").size();
  }

  private static String kubectlVersion(String kubectl) throws Exception {
    Process process =
        new ProcessBuilder(kubectl, "version", "--client", "--short")
            .redirectErrorStream(true)
            .start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return "kubectl " + text.trim();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String seconds(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList().toString();
  }

  private static ObjectNode configMap(int i) {
    ObjectNode cm =
        JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    ObjectNode metadata = cm.putObject("metadata");
    metadata.put("name", String.format(Locale.ROOT, "config-%06d", i));
    metadata.put("namespace", "bench");
    metadata.put("uid", "uid-cm-" + i);
    metadata.put("resourceVersion", String.valueOf(1000 + i));
    metadata.putObject("labels").put("app", "bench").put("shard", String.valueOf(i % 16));
    cm.putObject("data").put("settings.yaml", "key: value-" + i + "\n" + "x".repeat(400));
    return cm;
  }

  /** Opaque Secrets of 256 random bytes (key material does not compress), same bytes every page. */
  private static ObjectNode secret(int i) {
    ObjectNode secret =
        JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Secret");
    ObjectNode metadata = secret.putObject("metadata");
    metadata.put("name", String.format(Locale.ROOT, "secret-%06d", i));
    metadata.put("namespace", "bench");
    metadata.put("uid", "uid-secret-" + i);
    metadata.put("resourceVersion", String.valueOf(500_000 + i));
    metadata.putObject("labels").put("app", "bench");
    secret.put("type", "Opaque");
    byte[] key = new byte[256];
    new Random(i).nextBytes(key);
    secret.putObject("data").put("key", Base64.getEncoder().encodeToString(key));
    return secret;
  }

  /** Resets VmHWM to the current RSS (Linux >= 4.0); false where that is not allowed. */
  private static boolean resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static long peakRssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
