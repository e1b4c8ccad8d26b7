package io.lifeboat.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's lock files stay bounded: a year of 5-minute claims used to leave ~105k {@code
 * .<slot>.lock} files per scope, all walked by every listing. On a real disk (every conditional
 * write is fsynced), so an IT.
 */
class FileStoreLockFilesIT {
  @TempDir Path root;

  @Test
  void aThousandClaimsLeaveNoLockFileBesideThemAndAtMostSixtyFourInTheLockDirectory()
      throws IOException {
    FileObjectStore store = new FileObjectStore(root);
    Repository repository = new Repository(store, Clock.systemUTC());
    Scope scope = Scope.cluster(new ClusterName("prod"));
    for (int minute = 0; minute < 1000; minute++) {
      String slot =
          new Slot(Instant.parse("2026-11-25T00:00:00Z").plusSeconds(60L * minute)).keySegment();
      repository
          .claim(Kind.ETCD, scope, slot, "run", Duration.ofMinutes(10))
          .orElseThrow()
          .done(BackupId.parse("20261125T000000Z-3f9a"));
    }

    try (Stream<Path> all = Files.walk(root)) {
      List<String> files =
          all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
      assertThat(files).filteredOn(f -> f.startsWith("claims/")).hasSize(1000);
      assertThat(files).filteredOn(f -> f.endsWith(".lock") && !f.startsWith(".locks/")).isEmpty();
      assertThat(files).filteredOn(f -> f.startsWith(".locks/")).hasSizeBetween(1, 64);
      assertThat(files).hasSizeLessThanOrEqualTo(1000 + 64);
    }
  }
}
