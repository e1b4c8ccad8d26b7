package io.lifeboat.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.functions.http.FunctionCalls.Answer;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.RecentSlots;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /prune} over real HTTP against a repository in a real S3Proxy bucket, with etcd
 * backups the function app itself took. Prune keeps the last two etcd backups (config).
 */
@QuarkusTest
@QuarkusTestResource(value = EtcdAndS3Repository.class, restrictToAnnotatedClass = true)
class PruneFunctionIT {
  static final Scope PROD = Scope.parse("prod");

  @TestHTTPResource("/")
  URI base;

  @Test
  void aDryRunListsWhatWouldGoAndDeletesNothingThenPruneRemovesAllButTheNewestTwo()
      throws Exception {
    for (String slot :
        List.of(RecentSlots.rfc3339(6), RecentSlots.rfc3339(5), RecentSlots.key(4))) {
      Answer made = FunctionCalls.post(base, "etcdSnapshot", "{\"slot\":\"" + slot + "\"}");
      assertThat(made.status()).as(made.toString()).isEqualTo(200);
    }
    List<String> before = ids();
    List<String> removed = before.subList(0, before.size() - 2);
    List<String> kept = before.subList(before.size() - 2, before.size());
    List<String> keysBefore = keys();
    int pushesBefore = EtcdAndS3Repository.pushes().size();

    Answer plan = FunctionCalls.post(base, "prune", "{\"dryRun\":true}");

    assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    assertThat(plan.message())
        .startsWith("dry run, nothing deleted")
        .contains("remove  " + removed.get(0))
        .contains("keep    " + kept.get(1));
    assertThat(plan.body().get("backups").toString()).contains(removed.get(0));
    assertThat(keys()).isEqualTo(keysBefore);
    assertThat(EtcdAndS3Repository.pushes()).as("a dry run reports nothing").hasSize(pushesBefore);

    Answer pruned = FunctionCalls.post(base, "prune", "{}");

    assertThat(pruned.status()).as(pruned.toString()).isEqualTo(200);
    assertThat(pruned.body().get("status").asText()).isEqualTo("done");
    assertThat(pruned.exitCode()).isZero();
    assertThat(pruned.message()).contains("prune etcd prod: ");
    assertThat(pruned.body().get("backups")).hasSize(removed.size());
    assertThat(ids()).containsExactlyElementsOf(kept);
    assertThat(EtcdAndS3Repository.pushes())
        .anySatisfy(
            push ->
                assertThat(push)
                    .startsWith("/metrics/job/lifeboat/kind/etcd/scope@base64/cHJvZA\n")
                    .contains("lifeboat_prune_last_success_timestamp_seconds ")
                    .doesNotContain("lifeboat_backup_"));
    assertThat(keys())
        .noneMatch(k -> removed.stream().anyMatch(id -> k.contains(id)))
        .anyMatch(k -> k.startsWith("data/etcd/prod/" + kept.get(0) + "/"))
        .anyMatch(k -> k.startsWith("data/etcd/prod/" + kept.get(1) + "/"));
  }

  @Test
  void aPruneRepeatedAfterItsWorkIsDoneRemovesNothingMore() throws Exception {
    FunctionCalls.post(base, "etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(3) + "\"}");
    FunctionCalls.post(base, "etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(2) + "\"}");
    FunctionCalls.post(base, "etcdSnapshot", "{\"slot\":\"" + RecentSlots.rfc3339(1) + "\"}");
    Answer first = FunctionCalls.post(base, "prune", "{}");
    List<String> after = ids();

    Answer again = FunctionCalls.post(base, "prune", "{}");

    assertThat(first.body().get("backups")).isNotEmpty();
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.body().get("backups")).isEmpty();
    assertThat(ids()).hasSize(2).isEqualTo(after);
  }

  @Test
  void aMalformedDryRunIsAnswered400AndNotReportedAsAFailedPrune() throws Exception {
    int pushesBefore = EtcdAndS3Repository.pushes().size();

    Answer answer = FunctionCalls.post(base, "prune", "{\"dryRun\":\"maybe\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.message()).contains("dryRun");
    assertThat(EtcdAndS3Repository.pushes()).hasSize(pushesBefore);
  }

  @Test
  void withTheStoreDownPruneAnswers503WithExitFiveNamingTheLocation() throws Exception {
    EtcdAndS3Repository.s3.stop();
    try {
      Answer answer = FunctionCalls.post(base, "prune", "{}");

      assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
      assertThat(answer.body().get("status").asText()).isEqualTo("failed");
      assertThat(answer.exitCode()).isEqualTo(5);
      assertThat(answer.message()).contains(EtcdAndS3Repository.location.uri());
      assertThat(EtcdAndS3Repository.pushes())
          .anySatisfy(push -> assertThat(push).contains("lifeboat_prune_failures_total 1"));
    } finally {
      EtcdAndS3Repository.s3.restart();
    }
  }

  private static List<String> ids() {
    try (ObjectStore store = EtcdAndS3Repository.open()) {
      return new Repository(store, Clock.systemUTC())
          .list(Kind.ETCD, PROD).stream().map(BackupRef::id).map(Object::toString).toList();
    }
  }

  private static List<String> keys() {
    try (ObjectStore store = EtcdAndS3Repository.open();
        Stream<ObjectInfo> listing = store.list("")) {
      return listing.map(ObjectInfo::key).toList();
    }
  }
}
