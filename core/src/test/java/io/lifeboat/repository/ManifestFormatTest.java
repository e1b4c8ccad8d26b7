package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.error.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest is a documented format: a golden file pins its JSON, field by field. */
class ManifestFormatTest {

  static Manifest sample() {
    ObjectNode source = Json.MAPPER.createObjectNode();
    source
        .put("member", "https://10.0.0.1:2379")
        .put("serverVersion", "3.5.16")
        .put("revision", 88123);
    return Manifest.builder(Kind.ETCD, "prod", "20261125T181500Z-3f9a")
        .formatVersion(1)
        .slot("20261125T1815Z")
        .times(Instant.parse("2026-11-25T18:15:00Z"), Instant.parse("2026-11-25T18:15:09.800Z"))
        .tool("lifeboat 0.1.0")
        .kubeSystemUid("6d7c2b4e-1b1e-4d0f-9a7e-2f4f3c1d9e10")
        .source(source)
        .objects(
            List.of(
                new DataObject(
                    "snapshot.db.zst.age",
                    325058560,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    1288490220L,
                    "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")))
        .compression("zstd")
        .encryption(Encryption.age(List.of("sha256:1f2e3d4c5b6a7988")))
        .warnings(List.of("no age recipients on member 2"))
        .build();
  }

  @Test
  void serialisesExactlyAsTheGoldenFile() throws IOException {
    if (Boolean.getBoolean("lifeboat.golden.update")) {
      // Regenerate with -Dlifeboat.golden.update=true, then read the diff before committing it.
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("src/test/resources/repository/manifest-v1.json"),
          Json.writeString(sample()) + "\n");
    }
    assertThat(Json.writeString(sample())).isEqualToIgnoringNewLines(golden());
  }

  @Test
  void theGoldenFileReadsBackToTheSameManifest() throws IOException {
    Manifest read = Json.read(golden().getBytes(StandardCharsets.UTF_8), Manifest.class, "golden");
    assertThat(read).isEqualTo(sample());
    assertThat(read.ref().toString()).isEqualTo("etcd prod/20261125T181500Z-3f9a");
  }

  @Test
  void aManifestOfAnUnknownFormatIsRefused() {
    Manifest future =
        Manifest.builder(Kind.ETCD, "prod", "20261125T181500Z-3f9a").formatVersion(2).build();
    assertThatThrownBy(
            () -> Manifest.checked(future, "catalog/etcd/prod/20261125T181500Z-3f9a.json"))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("format 2");
  }

  @Test
  void unreadableJsonIsAnIntegrityFailureNamingTheKey() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"kind\":".getBytes(StandardCharsets.UTF_8),
                    Manifest.class,
                    "catalog/x.json"))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("catalog/x.json");
  }

  @Test
  void theDocumentedSchemaNamesExactlyTheManifestsFields() throws IOException {
    var schema =
        Json.MAPPER.readTree(java.nio.file.Path.of("../docs/manifest.schema.json").toFile());
    var documented = new java.util.TreeSet<String>();
    schema.get("properties").fieldNames().forEachRemaining(documented::add);
    var fields = new java.util.TreeSet<String>();
    for (var component : Manifest.class.getRecordComponents()) {
      fields.add(component.getName());
    }
    assertThat(documented).isEqualTo(fields);
    var golden = Json.MAPPER.readTree(golden());
    schema.get("required").forEach(name -> assertThat(golden.has(name.asText())).isTrue());
  }

  private static String golden() throws IOException {
    try (InputStream in =
        ManifestFormatTest.class.getResourceAsStream("/repository/manifest-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
