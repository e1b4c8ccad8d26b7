package io.lifeboat.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.repository.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, JsonNode body) {}

  Answer post(String function, String json, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(function))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        Json.MAPPER.readTree(response.body().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTriggerDeliveredTwiceForOneSlotMakesOneBackup() throws Exception {
    long before = EtcdAndRepository.catalogEntries("etcd/prod");

    Answer first = post("etcdSnapshot", "{\"slot\":\"2026-11-25T18:15:00Z\"}");
    Answer second = post("etcdSnapshot", "{\"slot\":\"20261125T1815Z\"}");

    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.body().get("status").asText()).isEqualTo("done");
    assertThat(first.body().get("exitCode").asInt()).isZero();
    assertThat(first.body().get("backups")).hasSize(1);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().get("status").asText()).isEqualTo("skipped");
    assertThat(second.body().get("backups")).isEmpty();
    assertThat(EtcdAndRepository.catalogEntries("etcd/prod")).isEqualTo(before + 1);
    assertThat(EtcdAndRepository.repo.resolve("claims/etcd/prod/20261125T1815Z")).exists();
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
  void listAnswersTheCommittedBackupIdsOldestFirst() throws Exception {
    Answer made = post("etcdSnapshot", "{\"slot\":\"2026-11-26T06:00:00Z\"}");

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
  void anUnknownKindAnswers400() throws Exception {
    Answer answer = post("list", "{\"kind\":\"pods\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("message").asText()).contains("'pods'");
  }
}
