package io.lifeboat.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Standalone mode: the app runs the etcd snapshot on its own schedule, nothing else needed. */
@QuarkusTest
@TestProfile(StandaloneIT.EverySecond.class)
@QuarkusTestResource(value = EtcdAndRepository.class, restrictToAnnotatedClass = true)
class StandaloneIT {
  /** Quartz cron with seconds, only so the test need not wait a minute. */
  public static class EverySecond implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "lifeboat.standalone", "true",
          "quarkus.scheduler.cron-type", "quartz",
          "lifeboat.tasks.etcd-snapshot.schedule", "0/1 * * * * ?");
    }
  }

  @Test
  void theScheduleRunsTheSnapshotAndEachMinuteSlotHoldsOneBackup() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> EtcdAndRepository.catalogEntries("etcd/prod") >= 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            // every second fires, but each minute (slot) holds exactly one backup
            () -> assertThat(EtcdAndRepository.catalogEntries("etcd/prod")).isEqualTo(claims()));
  }

  private static long claims() throws Exception {
    try (var files = Files.list(EtcdAndRepository.repo.resolve("claims/etcd/prod"))) {
      return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
    }
  }
}
