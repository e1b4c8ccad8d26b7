package io.lifeboat.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Jib puts into each job image: the packaged {@code target/quarkus-app/} (fast-jar layout) and
 * the image settings. The AOT cache is checked by scripts/check-aot.sh after
 * scripts/build-images.sh (it needs the pinned JDK 25 build; CI packages with Java 17 and no
 * cache).
 */
class PackagedAppsIT {
  private static final Path JOBS = Path.of(System.getProperty("lifeboat.jobs", "../../jobs"));

  @ParameterizedTest(name = "{0}: quarkus-app holds the runner, lib/, app/ and quarkus/")
  @ValueSource(
      strings = {
        "etcd-snapshot",
        "namespace-export",
        "namespace-restore",
        "volume-snapshot",
        "prune",
        "cli"
      })
  void theQuarkusAppDirectoryHoldsTheRunnerLibAppAndQuarkus(String job) throws IOException {
    Path app = JOBS.resolve(job).resolve("target/quarkus-app");

    assertThat(app.resolve("quarkus-run.jar")).isRegularFile();
    assertThat(app.resolve("lib/boot")).isDirectoryContaining("glob:**/*.jar");
    assertThat(app.resolve("lib/main")).isDirectoryContaining("glob:**/*.jar");
    assertThat(app.resolve("app")).isDirectoryContaining("glob:**/lifeboat-*.jar");
    assertThat(app.resolve("quarkus/quarkus-application.dat")).isRegularFile();
    assertThat(app.resolve("lib/main"))
        .isDirectoryContaining("glob:**/io.lifeboat.lifeboat-core-*.jar")
        .isDirectoryNotContaining("glob:**/*quarkus-vertx-http*");
    try (JarFile runner = new JarFile(app.resolve("quarkus-run.jar").toFile())) {
      assertThat(runner.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
    }
  }

  @ParameterizedTest(
      name = "{0}: the image is lifeboat/{0}, non-root, on the pinned Temurin 25 JRE")
  @ValueSource(
      strings = {
        "etcd-snapshot",
        "namespace-export",
        "namespace-restore",
        "volume-snapshot",
        "prune",
        "cli"
      })
  void theImageIsNamedForTheJobRunsAsNonRootOnThePinnedJre(String job) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(
            JOBS.resolve(job).resolve("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    String script = Files.readString(JOBS.resolve("../scripts/build-images.sh"));

    assertThat(properties.getProperty("quarkus.container-image.build")).isEqualTo("false");
    assertThat(properties.getProperty("quarkus.container-image.group")).isEqualTo("lifeboat");
    assertThat(properties.getProperty("quarkus.container-image.name")).isEqualTo(job);
    assertThat(properties.getProperty("quarkus.jib.user")).isEqualTo("185");
    String image = properties.getProperty("quarkus.jib.base-jvm-image");
    assertThat(image).matches("eclipse-temurin:25\\.0\\.\\d+_\\d+-jre");
    String build = image.substring(image.indexOf(':') + 1, image.indexOf("-jre")).replace('_', '+');
    assertThat(script)
        .as("the JDK that makes the AOT cache")
        .contains("PINNED_JDK=\"" + build + "\"");
  }
}
