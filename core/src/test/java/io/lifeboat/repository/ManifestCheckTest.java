package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.CatalogEntry.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestCheckTest {
  private static final BackupRef REF =
      new BackupRef(
          Kind.ETCD,
          Scope.cluster(new ClusterName("prod")),
          BackupId.parse("20261125T180000Z-3f9a"));
  private static final Map<String, Long> STORED = Map.of("snapshot.db.zst", 42L);

  private static ManifestCheck.Result check(byte[] content) {
    return ManifestCheck.check(REF, content, name -> Optional.ofNullable(STORED.get(name)));
  }

  private static byte[] manifest(int format, String scope, String id, String object, long size) {
    return Json.write(
        Manifest.builder(Kind.ETCD, scope, id)
            .formatVersion(format)
            .times(Instant.parse("2026-11-25T18:00:00Z"), Instant.parse("2026-11-25T18:01:00Z"))
            .tool("test")
            .objects(
                object == null
                    ? List.of()
                    : List.of(new DataObject(object, size, "0".repeat(64), null, null)))
            .compression("zstd")
            .build());
  }

  @Test
  void aManifestMatchingItsKeyAndItsDataIsValid() {
    var result = check(manifest(1, "prod", REF.id().toString(), "snapshot.db.zst", 42));

    assertThat(result.status()).isEqualTo(Status.VALID);
    assertThat(result.manifest().ref()).isEqualTo(REF);
  }

  @Test
  void contentThatIsNotAManifestIsInvalidAndTheReasonQuotesNoneOfIt() {
    var result = check("secret-looking {garbage".getBytes(StandardCharsets.UTF_8));

    assertThat(result.status()).isEqualTo(Status.INVALID);
    assertThat(result.reason()).startsWith("not a manifest").doesNotContain("secret");
  }

  @Test
  void aManifestNamingAnotherScopeOrIdIsInvalid() {
    assertThat(check(manifest(1, "staging", REF.id().toString(), "snapshot.db.zst", 42)).reason())
        .isEqualTo("manifest names another scope than its key (prod)");
    assertThat(check(manifest(1, "prod", "20261125T180001Z-3f9a", "snapshot.db.zst", 42)).reason())
        .isEqualTo("manifest names another id than its key (20261125T180000Z-3f9a)");
  }

  @Test
  void missingOrResizedDataObjectsAndEmptyObjectListsAreInvalid() {
    assertThat(check(manifest(1, "prod", REF.id().toString(), "other.zst", 42)).reason())
        .startsWith("data object missing: data/etcd/prod/20261125T180000Z-3f9a/other.zst");
    assertThat(check(manifest(1, "prod", REF.id().toString(), "snapshot.db.zst", 41)).reason())
        .endsWith("is 42 bytes, the manifest records 41");
    assertThat(check(manifest(1, "prod", REF.id().toString(), null, 0)).reason())
        .isEqualTo("manifest lists no data objects");
    assertThat(check(manifest(1, "prod", REF.id().toString(), "../x", 42)).status())
        .isEqualTo(Status.INVALID);
  }

  @Test
  void aNewerFormatIsUnsupportedAndAnOlderOneInvalid() {
    assertThat(check(manifest(2, "prod", REF.id().toString(), "snapshot.db.zst", 42)).status())
        .isEqualTo(Status.UNSUPPORTED);
    assertThat(check(manifest(0, "prod", REF.id().toString(), "snapshot.db.zst", 42)).status())
        .isEqualTo(Status.INVALID);
  }
}
