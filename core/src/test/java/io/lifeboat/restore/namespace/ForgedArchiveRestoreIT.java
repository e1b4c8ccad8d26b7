package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.lifeboat.codec.Decoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.kube.ApiType;
import io.lifeboat.kube.Discovery;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.RestoreReport.ObjectResult;
import io.lifeboat.restore.namespace.RestoreReport.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks 5 and 6 of issue 13, run as the backup identity: a backup forged through the put-only
 * view (its manifest self-consistent), then restored into the CRUD mock. Nothing may be written
 * outside the target namespace, and no object data may reach a reason, the plan or the report.
 */
class ForgedArchiveRestoreIT {
  private static final String SECRET = "hunter2-correct-horse";
  private static final String SECRET_BASE64 =
      Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

  private final RestoreFixture fixture = new RestoreFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private BackupRef forge(Map<String, String> objects) {
    fixture.clock.advance(Duration.ofMinutes(5));
    return ForgedBackup.of(fixture.store, fixture.clock, Scope.parse("prod/shop"), objects);
  }

  private RestoreRequest request(BackupRef backup, RestoreOptions options) {
    return new RestoreRequest(backup, null, Decoding.withoutIdentities(), options, "test");
  }

  private static ObjectResult result(RestoreReport report, String description) {
    return report.results().stream()
        .filter(r -> r.describe().equals(description))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in the report: " + description));
  }

  @Test
  void objectsAreWrittenOnlyWhereTheirArchivePathSaysAndMisplacedOnesFail() {
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("resources/namespaces/cluster/shop.json", namespace("shop"));
    objects.put(
        "resources/configmaps/namespaces/shop/to-kube-system.json",
        configMap("to-kube-system", "kube-system"));
    objects.put(
        "resources/configmaps/namespaces/shop/without-namespace.json",
        configMap("without-namespace", null));
    objects.put(
        "resources/configmaps/namespaces/kube-system/outside.json",
        configMap("outside", "kube-system"));
    objects.put(
        "resources/configmaps/namespaces/shop/renamed.json", configMap("other-name", "shop"));
    objects.put("resources/configmaps/namespaces/shop/not-json.json", "{\"kind\": " + SECRET);
    objects.put(
        "resources/secrets/cluster/cluster-secret.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cluster-secret\"}}");
    objects.put("resources/namespaces/cluster/kube-system.json", namespace("kube-system"));
    objects.put(
        "resources/clusterroles.rbac.authorization.k8s.io/namespaces/shop/in-namespace.json",
        "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\","
            + "\"metadata\":{\"name\":\"in-namespace\",\"namespace\":\"shop\"}}");
    objects.put(
        "resources/widgets.example.com/cluster/cluster-widget.json",
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\","
            + "\"metadata\":{\"name\":\"cluster-widget\"}}");
    objects.put(
        "resources/mutatingwebhookconfigurations.admissionregistration.k8s.io/cluster/every-pod.json",
        "{\"apiVersion\":\"admissionregistration.k8s.io/v1\","
            + "\"kind\":\"MutatingWebhookConfiguration\",\"metadata\":{\"name\":\"every-pod\"},"
            + "\"webhooks\":[{\"name\":\"steal.example.com\",\"sideEffects\":\"None\"}]}");
    BackupRef forged = forge(objects);
    List<String> before = everyNamespacedObject();
    RestoreOptions options =
        RestoreFixture.fastOptions().withMapping(NamespaceMapping.parse(List.of("shop:copy")));
    NamespaceRestorer restorer = fixture.restorer();

    RestoreReport report;
    try (RestorePlan plan = restorer.plan(request(forged, options))) {
      report = restorer.execute(plan);
    }

    assertThat(report.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(result(report, "configmaps copy/without-namespace").outcome())
        .isEqualTo(Outcome.CREATED);
    assertThat(result(report, "namespaces copy").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result(report, "configmaps shop/to-kube-system").reason())
        .isEqualTo("refused: /metadata/namespace differs from its archive path's namespace shop");
    assertThat(result(report, "configmaps kube-system/outside").reason())
        .isEqualTo("refused: its archive path is not under the backup's namespace shop");
    assertThat(result(report, "configmaps shop/renamed").reason())
        .isEqualTo("refused: /metadata/name differs from its archive path");
    assertThat(result(report, "configmaps shop/not-json").reason())
        .startsWith(
            "tar entry resources/configmaps/namespaces/shop/not-json.json is not valid JSON")
        .doesNotContain(SECRET);
    assertThat(result(report, "secrets cluster-secret").reason())
        .isEqualTo("refused: secrets is namespaced but its archive path is cluster/");
    assertThat(result(report, "namespaces kube-system").reason())
        .isEqualTo("refused: a Namespace other than the backup's own (shop)");
    assertThat(result(report, "clusterroles.rbac.authorization.k8s.io shop/in-namespace").reason())
        .isEqualTo(
            "refused: clusterroles.rbac.authorization.k8s.io is cluster-scoped but its archive"
                + " path is not");
    assertThat(result(report, "widgets.example.com cluster-widget").reason())
        .isEqualTo("refused: a namespace backup holds no cluster-scoped widgets.example.com");
    assertThat(
            result(report, "mutatingwebhookconfigurations.admissionregistration.k8s.io every-pod")
                .reason())
        .isEqualTo(
            "refused: a namespace backup holds no cluster-scoped"
                + " mutatingwebhookconfigurations.admissionregistration.k8s.io");
    assertThat(report.failures()).hasSize(9);
    List<String> after = everyNamespacedObject();
    after.removeAll(before);
    assertThat(after)
        .containsExactlyInAnyOrder("configmaps copy/without-namespace", "namespaces /copy");
    assertThat(fixture.cluster.client.rbac().clusterRoles().withName("in-namespace").get())
        .isNull();
  }

  @Test
  void aFailingModifierTestNeverPutsTheSecretsValueInTheReasonPlanOrStoredReport() {
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("resources/namespaces/cluster/shop.json", namespace("shop"));
    objects.put(
        "resources/secrets/namespaces/shop/db.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\","
            + "\"namespace\":\"shop\"},\"type\":\"Opaque\",\"data\":{\"password\":\""
            + SECRET_BASE64
            + "\"}}");
    BackupRef forged = forge(objects);
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
              - conditions:
                  groupResource: secrets
                patches:
                  - operation: test
                    path: /data/password
                    value: d3Jvbmc=
            """,
            "test");
    NamespaceRestorer restorer = fixture.restorer();

    try (RestorePlan plan =
        restorer.plan(request(forged, RestoreFixture.fastOptions().withModifiers(modifiers)))) {
      String rendered = plan.render();
      RestoreReport report = restorer.execute(plan);

      assertThat(result(report, "secrets shop/db"))
          .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.FAILED))
          .satisfies(
              r ->
                  assertThat(r.reason())
                      .isEqualTo(
                          "test rule 1 failed: patch 1 (test /data/password) found a different"
                              + " value at its path"));
      String key = RepositoryLayout.restoreReport(Kind.NAMESPACE, plan.target(), plan.restoreId());
      String stored = new String(fixture.store.bytes(key), StandardCharsets.UTF_8);
      for (String text : List.of(rendered, report.render(), stored)) {
        assertThat(text)
            .contains("/data/password")
            .doesNotContain(SECRET_BASE64)
            .doesNotContain(SECRET);
      }
      assertThat(fixture.cluster.client.secrets().inNamespace("shop").withName("db").get())
          .isNull();
    }
  }

  /** {@code <type> <namespace>/<name>} of every object the mock holds, by discovery. */
  private List<String> everyNamespacedObject() {
    List<String> all = new ArrayList<>();
    for (ApiType type : Discovery.discover(fixture.cluster.client).types()) {
      if (!type.namespaced() && !type.resource().equals("namespaces")) {
        continue;
      }
      var op = fixture.cluster.client.genericKubernetesResources(type.context());
      List<GenericKubernetesResource> items =
          type.namespaced() ? op.inAnyNamespace().list().getItems() : op.list().getItems();
      for (GenericKubernetesResource o : items) {
        String namespace = o.getMetadata().getNamespace();
        all.add(
            type.typeDirectory()
                + " "
                + (namespace == null ? "" : namespace)
                + "/"
                + o.getMetadata().getName());
      }
    }
    return all;
  }

  private static String namespace(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
        + name
        + "\"}}";
  }

  private static String configMap(String name, String namespace) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\""
        + (namespace == null ? "" : ",\"namespace\":\"" + namespace + "\"")
        + "},\"data\":{\"key\":\"value\"}}";
  }
}
