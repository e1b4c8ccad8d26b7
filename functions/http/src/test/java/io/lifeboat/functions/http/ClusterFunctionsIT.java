package io.lifeboat.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.export.ExportSource;
import io.lifeboat.functions.http.FunctionCalls.Answer;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.RecentSlots;
import io.lifeboat.volumes.VolumesSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The functions that read the cluster, over real HTTP against the fabric8 CRUD mock API server
 * (with a test-driven snapshot controller) and a file repository.
 */
@QuarkusTest
@QuarkusTestResource(value = ClusterAndRepository.class, restrictToAnnotatedClass = true)
class ClusterFunctionsIT {
  static final Scope SHOP = Scope.parse("prod/shop");

  @TestHTTPResource("/")
  URI base;

  @Test
  void aVolumeSnapshotTriggerDeliveredTwiceForOneSlotMakesOneBackupOfTheBoundPvc()
      throws Exception {
    Answer first =
        FunctionCalls.post(base, "volumeSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(1) + "\"}");
    Answer second =
        FunctionCalls.post(base, "volumeSnapshot", "{\"slot\":\"" + RecentSlots.key(1) + "\"}");

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.body().get("status").asText()).isEqualTo("done");
    assertThat(first.exitCode()).isZero();
    assertThat(first.body().get("backups")).hasSize(1);
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.body().get("status").asText()).isEqualTo("skipped");
    assertThat(second.body().get("backups")).isEmpty();
    assertThat(ClusterAndRepository.repo.resolve("claims/volumes/prod/shop/" + RecentSlots.key(1)))
        .exists();
    Manifest manifest = manifest(Kind.VOLUMES, first.body().get("backups").get(0).asText());
    assertThat(manifest.slot()).isEqualTo(RecentSlots.key(1));
    assertThat(manifest.source(VolumesSource.class).volumes())
        .extracting(VolumesSource.Volume::pvc, VolumesSource.Volume::storageClass)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("data-db-0", "gp3"));
    assertThat(catalogEntries("volumes/prod/shop")).isEqualTo(1);
  }

  @Test
  void aNamespaceExportCommitsOneBackupHoldingTheNamespacesObjects() throws Exception {
    Answer answer =
        FunctionCalls.post(
            base, "namespaceExport", "{\"slot\":\"" + RecentSlots.rfc3339(2) + "\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.body().get("status").asText()).isEqualTo("done");
    assertThat(answer.body().get("backups")).hasSize(1);
    Manifest manifest = manifest(Kind.NAMESPACE, answer.body().get("backups").get(0).asText());
    ExportSource source = manifest.source(ExportSource.class);
    assertThat(source.namespace()).isEqualTo("shop");
    assertThat(source.resources())
        .extracting(ExportSource.Resource::resource)
        .contains("configmaps", "persistentvolumeclaims");
    assertThat(manifest.objects()).extracting(o -> o.name()).containsExactly("resources.tar.zst");
  }

  @Test
  void aBadSlotAnswers400BeforeTouchingTheCluster() throws Exception {
    Answer answer = FunctionCalls.post(base, "volumeSnapshot", "{\"slot\":\"2026-13-45\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.exitCode()).isEqualTo(2);
    assertThat(answer.message()).contains("'2026-13-45'");
  }

  private static Manifest manifest(Kind kind, String id) {
    try (FileObjectStore store = new FileObjectStore(ClusterAndRepository.repo)) {
      return new Repository(store, Clock.systemUTC())
          .manifest(new BackupRef(kind, SHOP, BackupId.parse(id)));
    }
  }

  private static long catalogEntries(String kindAndScope) throws Exception {
    Path dir = ClusterAndRepository.repo.resolve("catalog/" + kindAndScope);
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    }
  }
}
