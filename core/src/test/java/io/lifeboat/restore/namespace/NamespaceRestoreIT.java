package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.error.AlreadyLockedException;
import io.lifeboat.error.ExitCode;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Leases;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.RestoreReport.ObjectResult;
import io.lifeboat.restore.namespace.RestoreReport.Outcome;
import io.lifeboat.testing.RecordingProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export, lose, restore: the shop namespace against the CRUD mock with discovery. */
class NamespaceRestoreIT {
  private final RestoreFixture fixture = new RestoreFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private PlannedObject planned(RestorePlan plan, String description) {
    return plan.objects().stream()
        .filter(o -> o.describe().equals(description))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in the plan: " + description));
  }

  private ObjectResult result(RestoreReport report, String description) {
    return report.results().stream()
        .filter(r -> r.describe().equals(description))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in the report: " + description));
  }

  @Test
  void progressSettlesEveryPlannedObjectAndEndsAtThePlansSize() {
    NamespaceRestorer restorer = fixture.restorer();
    RestorePlan plan = restorer.plan(fixture.request(RestoreFixture.fastOptions()));
    fixture.deleteNamespaceAndItsClusterObjects(plan);
    RecordingProgress progress = new RecordingProgress();

    RestoreReport report = restorer.execute(plan, progress);

    String subject = plan.target().toString();
    long planned = plan.objects().size();
    assertThat(progress.subjects()).containsExactly(subject);
    assertThat(progress.lastDone(subject)).isEqualTo(planned).isEqualTo(report.results().size());
    assertThat(progress.steps()).allMatch(s -> s.total() == planned);
    assertThat(progress.neverWentBack()).isTrue();
  }

  @Test
  void aLostNamespaceComesBackWithEveryRestorableObjectEqualToItsCleanedOriginal() {
    NamespaceRestorer restorer = fixture.restorer();
    RestorePlan plan = restorer.plan(fixture.request(RestoreFixture.fastOptions()));
    fixture.deleteNamespaceAndItsClusterObjects(plan);

    RestoreReport report = restorer.execute(plan);

    assertThat(report.failures()).isEmpty();
    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
    for (PlannedObject o : plan.objects()) {
      ObjectNode live = fixture.live(o);
      if (o.action() == PlannedObject.Action.RESTORE) {
        assertThat(live).as(o.describe()).isNotNull();
        assertThat(RestoreFixture.withoutServerFields(live)).as(o.describe()).isEqualTo(o.object());
      } else {
        assertThat(live).as(o.describe() + " (" + o.reason() + ")").isNull();
      }
    }
    assertThat(plan.objects())
        .filteredOn(o -> o.action() == PlannedObject.Action.LEAVE_TO_CONTROLLER)
        .extracting(PlannedObject::describe)
        .containsExactlyInAnyOrder(
            "pods shop/web-5d9f-a",
            "pods shop/web-5d9f-b",
            "pods shop/db-0",
            "replicasets.apps shop/web-5d9f");
    assertThat(fixture.live(planned(plan, "deployments.apps shop/web"))).isNotNull();
    assertThat(fixture.live(planned(plan, "statefulsets.apps shop/db"))).isNotNull();
    assertThat(report.count(Outcome.CREATED)).isEqualTo(plan.count(PlannedObject.Action.RESTORE));
  }

  @Test
  void cleaningFollowsVeleroForServicesSecretsAndVolumes() {
    RestorePlan plan = fixture.restorer().plan(fixture.request(RestoreFixture.fastOptions()));

    JsonNode web = planned(plan, "services shop/web").object();
    assertThat(web.at("/spec/clusterIP").isMissingNode()).isTrue();
    assertThat(planned(plan, "services shop/db").object().at("/spec/clusterIP").asText())
        .isEqualTo("None");
    assertThat(
            planned(plan, "services shop/web-nodeport")
                .object()
                .at("/spec/ports/0/nodePort")
                .isMissingNode())
        .isTrue();
    JsonNode token = planned(plan, "secrets shop/app-token").object();
    assertThat(token.at("/data/token").isMissingNode()).isTrue();
    JsonNode deployment = planned(plan, "deployments.apps shop/web").object();
    assertThat(deployment.at("/metadata/uid").isMissingNode()).isTrue();
    assertThat(deployment.at("/metadata/resourceVersion").isMissingNode()).isTrue();
    assertThat(deployment.at("/status").isMissingNode()).isTrue();
    assertThat(deployment.at("/metadata/labels/lifeboat.io~1backup").asText())
        .isEqualTo(fixture.backup.id().toString());
    assertThat(
            planned(plan, "persistentvolumeclaims shop/data-db-0")
                .object()
                .at("/spec/volumeName")
                .asText())
        .isEqualTo("pv-data-db-0");
    assertThat(
            planned(plan, "persistentvolumes pv-data-db-0")
                .object()
                .at("/spec/claimRef/uid")
                .isMissingNode())
        .isTrue();
  }

  @Test
  void theDryRunPlanListsCrdsAndTheNamespaceFirstThenVeleroPriorities() {
    RestorePlan plan = fixture.restorer().plan(fixture.request(RestoreFixture.fastOptions()));

    List<String> types =
        plan.objects().stream().map(PlannedObject::typeDirectory).distinct().toList();
    assertThat(types)
        .containsExactly(
            "customresourcedefinitions.apiextensions.k8s.io",
            "namespaces",
            "storageclasses.storage.k8s.io",
            "persistentvolumes",
            "persistentvolumeclaims",
            "clusterroles.rbac.authorization.k8s.io",
            "roles.rbac.authorization.k8s.io",
            "serviceaccounts",
            "clusterrolebindings.rbac.authorization.k8s.io",
            "rolebindings.rbac.authorization.k8s.io",
            "secrets",
            "configmaps",
            "pods",
            "replicasets.apps",
            "services",
            "deployments.apps",
            "horizontalpodautoscalers.autoscaling",
            "ingresses.networking.k8s.io",
            "networkpolicies.networking.k8s.io",
            "statefulsets.apps",
            "widgets.example.com");
    assertThat(plan.render())
        .contains(
            "    1 restore   customresourcedefinitions.apiextensions.k8s.io widgets.example.com")
        .contains("leave     pods shop/web-5d9f-a (owned by ReplicaSet web-5d9f");
  }

  @Test
  void aNamespaceMappingRewritesNamespacesClaimRefsAndSubjects() {
    RestoreOptions options =
        RestoreFixture.fastOptions().withMapping(NamespaceMapping.parse(List.of("shop:shop-copy")));
    NamespaceRestorer restorer = fixture.restorer();
    RestorePlan plan = restorer.plan(fixture.request(options));

    RestoreReport report = restorer.execute(plan);

    assertThat(plan.target().toString()).isEqualTo("prod/shop-copy");
    assertThat(report.failures()).isEmpty();
    assertThat(
            planned(plan, "persistentvolumes pv-data-db-0")
                .object()
                .at("/spec/claimRef/namespace")
                .asText())
        .isEqualTo("shop-copy");
    assertThat(
            planned(plan, "clusterrolebindings.rbac.authorization.k8s.io shop-reader")
                .object()
                .at("/subjects/0/namespace")
                .asText())
        .isEqualTo("shop-copy");
    ObjectNode binding =
        fixture.live(planned(plan, "rolebindings.rbac.authorization.k8s.io shop-copy/reader"));
    assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("shop-copy");
    assertThat(fixture.cluster.client.namespaces().withName("shop-copy").get()).isNotNull();
    assertThat(
            fixture
                .cluster
                .client
                .configMaps()
                .inNamespace("shop-copy")
                .withName("app-config")
                .get())
        .isNotNull();
    assertThat(result(report, "persistentvolumes pv-data-db-0").outcome())
        .isEqualTo(Outcome.SKIPPED);
    assertThat(fixture.store.keys())
        .anyMatch(k -> k.startsWith("restores/namespace/prod/shop-copy/" + plan.restoreId()));
  }

  @Test
  void skipLeavesAnExistingObjectAsItIs() {
    changeLiveConfigMap();

    RestoreReport report = fixture.restore(RestoreFixture.fastOptions());

    assertThat(result(report, "configmaps shop/app-config").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(liveConfigMapData()).containsEntry("key", "changed");
    assertThat(report.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void updateReplacesAnExistingObjectsContent() {
    changeLiveConfigMap();

    RestoreReport report =
        fixture.restore(RestoreFixture.fastOptions().withExistingPolicy(ExistingPolicy.UPDATE));

    assertThat(result(report, "configmaps shop/app-config").outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(liveConfigMapData()).containsEntry("key", "value of app-config");
  }

  @Test
  void recreateDeletesAnExistingObjectAndCreatesItAgain() {
    String before = changeLiveConfigMap();

    RestoreReport report =
        fixture.restore(RestoreFixture.fastOptions().withExistingPolicy(ExistingPolicy.RECREATE));

    assertThat(result(report, "configmaps shop/app-config"))
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED))
        .satisfies(r -> assertThat(r.reason()).contains("deleted and created again"));
    var live = fixture.cluster.client.configMaps().inNamespace("shop").withName("app-config").get();
    assertThat(live.getData()).containsEntry("key", "value of app-config");
    assertThat(live.getMetadata().getUid()).isNotEqualTo(before);
    assertThat(result(report, "namespaces shop").outcome()).isEqualTo(Outcome.UPDATED);
  }

  @Test
  void aModifierRulePatchesTheObjectsItMatches() {
    ResourceModifiers modifiers =
        ResourceModifiers.parse(
            """
            version: v1
            resourceModifierRules:
              - conditions:
                  groupResource: configmaps
                  resourceNameRegex: "^app-.*$"
                  namespaces: [shop]
                patches:
                  - operation: replace
                    path: /data/key
                    value: patched
                mergePatches:
                  - patchData: {metadata: {annotations: {restored: "yes"}}}
            """,
            "test");
    NamespaceRestorer restorer = fixture.restorer();
    RestorePlan plan =
        restorer.plan(fixture.request(RestoreFixture.fastOptions().withModifiers(modifiers)));
    fixture.deleteNamespaceAndItsClusterObjects(plan);

    restorer.execute(plan);

    var patched =
        fixture.cluster.client.configMaps().inNamespace("shop").withName("app-config").get();
    assertThat(patched.getData()).containsEntry("key", "patched");
    assertThat(patched.getMetadata().getAnnotations()).containsEntry("restored", "yes");
    var untouched =
        fixture.cluster.client.configMaps().inNamespace("shop").withName("kube-root-ca.crt").get();
    assertThat(untouched.getData()).containsEntry("key", "value of kube-root-ca.crt");
  }

  @Test
  void anObjectTheApiRefusesFailsAloneWithTheApisReasonButNotItsMessageInTheStoredReport() {
    NamespaceRestorer restorer = fixture.restorer();
    RestorePlan plan = restorer.plan(fixture.request(RestoreFixture.fastOptions()));
    fixture.deleteNamespaceAndItsClusterObjects(plan);
    fixture.cluster.dispatcher.refuseCreate(
        "/api/v1/namespaces/shop/configmaps",
        "app-config",
        422,
        "Invalid",
        "ConfigMap \"app-config\" is invalid: data[key]: Invalid value: \"value of app-config\"",
        "data[key]",
        "FieldValueInvalid");

    RestoreReport report = restorer.execute(plan);

    assertThat(report.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.describe()).isEqualTo("configmaps shop/app-config"))
        .satisfies(
            f ->
                assertThat(f.reason())
                    .contains("HTTP 422 Invalid: data[key] FieldValueInvalid")
                    .doesNotContain("value of app-config"));
    assertThat(report.count(Outcome.CREATED))
        .isEqualTo(plan.count(PlannedObject.Action.RESTORE) - 1);
    String key = RepositoryLayout.restoreReport(Kind.NAMESPACE, plan.target(), plan.restoreId());
    assertThat(new String(fixture.store.bytes(key), java.nio.charset.StandardCharsets.UTF_8))
        .contains("data[key] FieldValueInvalid")
        .doesNotContain("value of app-config");
  }

  @Test
  void aSecondRestoreOfTheSameTargetIsLocked() {
    Scope target = Scope.parse("prod/shop");
    new Leases(fixture.store, fixture.clock)
        .acquire(
            RepositoryLayout.restoreLease(Kind.NAMESPACE, target),
            "first-restore",
            "namespace restore",
            Duration.ofMinutes(10),
            List.of());
    NamespaceRestorer restorer = fixture.restorer();
    RestorePlan plan = restorer.plan(fixture.request(RestoreFixture.fastOptions()));

    assertThatThrownBy(() -> restorer.execute(plan))
        .isInstanceOf(AlreadyLockedException.class)
        .hasMessageContaining("first-restore")
        .satisfies(e -> assertThat(ExitCode.of(e).code()).isEqualTo(11));
  }

  @Test
  void aCorruptStoredArchiveIsAnIntegrityFailure() {
    String key =
        fixture.store.keys().stream()
            .filter(k -> k.endsWith("resources.tar.zst"))
            .findFirst()
            .orElseThrow();
    byte[] bytes = fixture.store.bytes(key).clone();
    bytes[bytes.length / 2] ^= 1;
    fixture.store.corrupt(key, bytes);

    assertThatThrownBy(() -> fixture.restorer().plan(fixture.request(RestoreFixture.fastOptions())))
        .isInstanceOf(IntegrityException.class)
        .satisfies(e -> assertThat(ExitCode.of(e).code()).isEqualTo(6));
  }

  private String changeLiveConfigMap() {
    var live = fixture.cluster.client.configMaps().inNamespace("shop").withName("app-config").get();
    live.setData(Map.of("key", "changed"));
    live.getMetadata().setResourceVersion(null);
    fixture.cluster.client.configMaps().inNamespace("shop").resource(live).update();
    return live.getMetadata().getUid();
  }

  private Map<String, String> liveConfigMapData() {
    return fixture
        .cluster
        .client
        .configMaps()
        .inNamespace("shop")
        .withName("app-config")
        .get()
        .getData();
  }
}
