package io.lifeboat.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.functions.http.FunctionCalls.Answer;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Lease;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.schedule.Slot;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.RecentSlots;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The functions over real HTTP, against a real etcd and a file repository. */
@QuarkusTest
@TestProfile(FunctionsIT.Scheduled.class)
@QuarkusTestResource(value = EtcdAndRepository.class, restrictToAnnotatedClass = true)
class FunctionsIT {
  /** The PingSource's schedule: a yearly one, so both deliveries below fall in one slot. */
  public static class Scheduled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("lifeboat.tasks.etcd-snapshot.schedule", "0 0 1 1 *");
    }
  }

  @TestHTTPResource("/")
  URI base;

  Answer post(String function, String json, String... headers) throws Exception {
    return FunctionCalls.post(base, function, json, headers);
  }

  @Test
  void aTriggerDeliveredTwiceForOneSlotMakesOneBackup() throws Exception {
    long before = EtcdAndRepository.catalogEntries("etcd/prod");

    Answer first = post("etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(1) + "\"}");
    Answer second = post("etcdSnapshot", "{\"slot\":\"" + RecentSlots.key(1) + "\"}");

    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.body().get("status").asText()).isEqualTo("done");
    assertThat(first.body().get("exitCode").asInt()).isZero();
    assertThat(first.body().get("backups")).hasSize(1);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().get("status").asText()).isEqualTo("skipped");
    assertThat(second.body().get("backups")).isEmpty();
    assertThat(EtcdAndRepository.catalogEntries("etcd/prod")).isEqualTo(before + 1);
    assertThat(EtcdAndRepository.repo.resolve("claims/etcd/prod/" + RecentSlots.key(1))).exists();
  }

  @Test
  void aCloudEventInBinaryModeTakesItsSlotFromTheConfiguredScheduleAndARedeliveryIsSkipped()
      throws Exception {
    String[] ping = {
      "ce-specversion", "1.0",
      "ce-type", "dev.knative.sources.ping",
      "ce-source", "/apis/v1/namespaces/lifeboat/pingsources/etcd-snapshot",
      "ce-id", "5f0d5e4e-6a0b-4a43-9d4b-7d3c4a2f2c11",
      "ce-time", "2026-01-01T00:00:00Z"
    };

    Answer first = post("etcdSnapshot", "{}", ping);
    Answer again = post("etcdSnapshot", "{}", ping);

    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("status").asText()).isEqualTo("skipped");
    assertThat(first.body().get("status").asText()).isIn("done", "skipped");
    assertThat(EtcdAndRepository.repo.resolve("claims/etcd/prod"))
        .isDirectoryContaining(p -> p.getFileName().toString().endsWith("0101T0000Z"));
  }

  @Test
  void aDeltaCallAfterASnapshotCommitsAnEtcdDeltaOnIt() throws Exception {
    Answer full = post("etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(7) + "\"}");
    assertThat(full.status()).as(full.body().toString()).isEqualTo(200);
    long before = EtcdAndRepository.catalogEntries("etcd-delta/prod");

    Answer delta = post("etcdDelta", "{\"slot\":\"" + RecentSlots.rfc3339(6) + "\"}");

    assertThat(delta.status()).as(delta.body().toString()).isEqualTo(200);
    assertThat(delta.body().get("status").asText()).isEqualTo("done");
    assertThat(EtcdAndRepository.catalogEntries("etcd-delta/prod")).isEqualTo(before + 1);
    assertThat(EtcdAndRepository.repo.resolve("claims/etcd-delta/prod/" + RecentSlots.key(6)))
        .exists();
  }

  @Test
  void listAnswersTheCommittedBackupIdsOldestFirst() throws Exception {
    Answer made = post("etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(2) + "\"}");

    Answer listed = post("list", "{\"kind\":\"etcd\",\"scope\":\"prod\"}");

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().get("status").asText()).isEqualTo("done");
    assertThat(listed.body().get("backups").toString())
        .contains("prod/" + made.body().get("backups").get(0).asText());
  }

  @Test
  void aBadSlotAnswers400WithTheResultNamingTheInput() throws Exception {
    Answer answer = post("etcdSnapshot", "{\"slot\":\"yesterday\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("status").asText()).isEqualTo("failed");
    assertThat(answer.body().get("exitCode").asInt()).isEqualTo(2);
    assertThat(answer.body().get("message").asText()).contains("'yesterday'");
  }

  @Test
  void aFutureSlotAnswers400WithExitTwoNamingItAndClaimsNothing() throws Exception {
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    String key = new Slot(tomorrow).keySegment();

    Answer answer = post("etcdSnapshot", "{\"slot\":\"" + tomorrow + "\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.exitCode()).isEqualTo(2);
    assertThat(answer.message()).contains("slot '" + key + "' is in the future");
    assertThat(EtcdAndRepository.repo.resolve("claims/etcd/prod/" + key)).doesNotExist();
  }

  @Test
  void anUnknownKindAnswers400() throws Exception {
    Answer answer = post("list", "{\"kind\":\"pods\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("message").asText()).contains("'pods'");
  }

  @Test
  void describeAnswersTheLatestBackupOfAScope() throws Exception {
    Answer made = post("etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(3) + "\"}");

    Answer described = post("describe", "{\"kind\":\"etcd\",\"scope\":\"prod\"}");

    assertThat(described.status()).as(described.toString()).isEqualTo(200);
    String latest = described.body().get("backups").get(0).asText();
    assertThat(latest).startsWith("prod/");
    assertThat(described.message()).contains("etcd backup " + latest + ": completed ");
    assertThat(made.body().get("backups").get(0).asText()).isNotBlank();
  }

  @Test
  void describingABackupThatDoesNotExistAnswers404WithExitSevenNamingIt() throws Exception {
    Answer answer =
        post("describe", "{\"kind\":\"etcd\",\"scope\":\"prod\",\"id\":\"20200101T000000Z-dead\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    assertThat(answer.body().get("status").asText()).isEqualTo("failed");
    assertThat(answer.exitCode()).isEqualTo(7);
    assertThat(answer.message()).contains("'prod/20200101T000000Z-dead' not found under file://");
  }

  @Test
  void aPruneWithAMalformedDryRunAnswers400NamingTheFieldAndDeletesNothing() throws Exception {
    long before = EtcdAndRepository.catalogEntries("etcd/prod");

    Answer answer = post("prune", "{\"dryRun\":\"maybe\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.exitCode()).isEqualTo(2);
    assertThat(answer.message()).isEqualTo("dryRun must be true or false, was 'maybe'");
    assertThat(EtcdAndRepository.catalogEntries("etcd/prod")).isEqualTo(before);
  }

  @Test
  void aPruneWhileAnotherPruneHoldsTheLeaseAnswers409WithExitElevenNamingTheHolder()
      throws Exception {
    post("etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(4) + "\"}");
    long before = EtcdAndRepository.catalogEntries("etcd/prod");
    try (FileObjectStore store = new FileObjectStore(EtcdAndRepository.repo)) {
      Lease held =
          new Leases(store, Clock.systemUTC())
              .acquire(
                  RepositoryLayout.pruneLease(Kind.ETCD, Scope.parse("prod")),
                  "prune-elsewhere",
                  "prune",
                  Duration.ofMinutes(10),
                  List.of());
      try {
        Answer answer = post("prune", "{}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.body().get("status").asText()).isEqualTo("failed");
        assertThat(answer.exitCode()).isEqualTo(11);
        assertThat(answer.message())
            .contains("lease 'leases/prune-etcd-prod.json' is held by prune-elsewhere");
        assertThat(EtcdAndRepository.catalogEntries("etcd/prod")).isEqualTo(before);
      } finally {
        held.release();
      }
    }
  }
}
