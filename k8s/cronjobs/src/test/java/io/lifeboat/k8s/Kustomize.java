package io.lifeboat.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with Debian's kubectl 1.20 (its built-in kustomize v2.0.3, the oldest a
 * user will apply ours with) and parses every document into its fabric8 type.
 */
final class Kustomize {
  static final Path MANIFESTS = Path.of(System.getProperty("lifeboat.manifests", "."));
  private static final Path KUBECTL =
      Path.of(System.getProperty("lifeboat.kubectl", ".tools/kubectl/usr/bin/kubectl"));

  private Kustomize() {}

  /** The objects {@code kubectl kustomize} prints for {@code dir} (relative to k8s/cronjobs). */
  static List<HasMetadata> render(String dir) {
    String yaml = renderText(dir);
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : yaml.split("(?m)^---$")) {
      if (!document.isBlank()) {
        objects.add(Serialization.unmarshal(document, HasMetadata.class));
      }
    }
    return objects;
  }

  static String renderText(String dir) {
    if (!Files.isExecutable(KUBECTL)) {
      throw new IllegalStateException(
          "no kubectl 1.20 at " + KUBECTL + ": run scripts/install-kubectl.sh (test.sh does)");
    }
    try {
      Path out = Files.createTempFile("kustomize", ".yaml");
      Path err = Files.createTempFile("kustomize", ".err");
      try {
        Process process =
            new ProcessBuilder(KUBECTL.toString(), "kustomize", MANIFESTS.resolve(dir).toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              "kubectl kustomize "
                  + dir
                  + " failed: "
                  + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + KUBECTL + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
