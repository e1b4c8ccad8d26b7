package io.lifeboat.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lifeboat.functions.http.FunctionCalls.Answer;
import io.lifeboat.testing.RecentSlots;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Standalone mode runs prune on its configured cron, keeping what the policy says. */
@QuarkusTest
@TestProfile(StandalonePruneIT.PruneEverySecond.class)
@QuarkusTestResource(value = EtcdAndRepository.class, restrictToAnnotatedClass = true)
class StandalonePruneIT {
  /** Quartz cron with seconds, only so the test need not wait a minute; keep the newest only. */
  public static class PruneEverySecond implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "lifeboat.standalone", "true",
          "quarkus.scheduler.cron-type", "quartz",
          "lifeboat.tasks.prune.schedule", "0/1 * * * * ?",
          "lifeboat.prune.etcd.keep-last", "1",
          "lifeboat.prune.etcd.keep-daily", "0",
          "lifeboat.prune.etcd.keep-weekly", "0",
          "lifeboat.prune.etcd.keep-monthly", "0");
    }
  }

  @TestHTTPResource("/")
  URI base;

  @Test
  void theSchedulePrunesDownToTheNewestBackup() throws Exception {
    Answer older =
        FunctionCalls.post(base, "etcdSnapshot", "{\"slot\":\"" + RecentSlots.key(2) + "\"}");
    Answer newer =
        FunctionCalls.post(base, "etcdSnapshot", "{\"slot\":\"" + RecentSlots.key(1) + "\"}");
    assertThat(older.status()).isEqualTo(200);
    assertThat(newer.status()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(EtcdAndRepository.catalogEntries("etcd/prod")).isEqualTo(1));
    assertThat(EtcdAndRepository.repo.resolve("catalog/etcd/prod"))
        .isDirectoryContaining(
            p -> p.getFileName().toString().equals(latest(older, newer) + ".json"));
  }

  private static String latest(Answer a, Answer b) {
    String first = a.body().get("backups").get(0).asText();
    String second = b.body().get("backups").get(0).asText();
    return first.compareTo(second) > 0 ? first : second;
  }
}
