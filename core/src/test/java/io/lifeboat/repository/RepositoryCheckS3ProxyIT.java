package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.error.ExitCode;
import io.lifeboat.store.BucketProtections.Status;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repo check} against real stores. S3Proxy 4.1.0 (filesystem backend) answers
 * GetBucketVersioning with no status (never enabled) and does not implement
 * GetObjectLockConfiguration; the report must say so, never "protected". The file store has neither
 * protection.
 */
class RepositoryCheckS3ProxyIT {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();
  @TempDir Path dir;

  @Test
  void s3ProxyIsReportedAsUnprotectedWithWhatItAnswered() {
    try (ObjectStore store = Locations.open(S3.locationSettings(S3.createBucket(), "dr"))) {
      new RepositoryInitializer(store, Clock.systemUTC()).init(Set.of());

      var report = new RepositoryCheck(store, Clock.systemUTC()).check();

      assertThat(report.exitCode(false)).isEqualTo(ExitCode.OK);
      assertThat(report.exitCode(true)).isEqualTo(ExitCode.PARTIAL);
      assertThat(report.protections().protectsAgainstOverwrite()).isFalse();
      assertThat(report.protections().versioning().status()).isIn(Status.DISABLED, Status.UNKNOWN);
      assertThat(report.protections().objectLock().status()).isIn(Status.DISABLED, Status.UNKNOWN);
      assertThat(String.join("\n", report.lines()))
          .contains("conditional writes: honoured")
          .contains("CAN OVERWRITE");
    }
  }

  @Test
  void aDirectoryHasNeitherProtection() {
    try (ObjectStore store = new FileObjectStore(dir)) {
      new RepositoryInitializer(store, Clock.systemUTC()).init(Set.of());

      var report = new RepositoryCheck(store, Clock.systemUTC()).check();

      assertThat(report.protections().versioning().status()).isEqualTo(Status.DISABLED);
      assertThat(report.protections().objectLock().status()).isEqualTo(Status.DISABLED);
      assertThat(report.lines())
          .contains("versioning:         disabled (a directory keeps no versions)");
    }
  }
}
