package io.lifeboat.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.export.ExportReport;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.export.ShopFixtures;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.ExistingPolicy;
import io.lifeboat.restore.namespace.NamespaceMapping;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreOptions;
import io.lifeboat.restore.namespace.RestoreRequest;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each job's RBAC, checked against what its use-case really asks the API server for: the job's code
 * runs against the fabric8 mock (with discovery and paging), every request is recorded and mapped
 * to (verb, group, resource), and the rendered install's (Cluster)Roles bound to the job's
 * ServiceAccount must allow every one of them and grant no verb the job never used.
 *
 * <p>Both jobs read types they cannot know in advance (discovery: CRDs, any group), so their roles
 * name {@code *} resources; for those the check is per verb: each granted verb was used, and the
 * export's role holds no write verb.
 */
class RbacLeastPrivilegeIT {
  private static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection", "escalate", "bind");

  private static List<HasMetadata> installed;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final MockCluster cluster = new MockCluster();

  @BeforeAll
  static void render() {
    installed = Kustomize.render(".");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void theExportRoleAllowsEveryRequestTheExportSendsAndGrantsNoWrite() {
    new ShopFixtures(cluster.client).create();
    int before = cluster.dispatcher.requests().size();

    List<ExportReport> reports = exportAsTheJobDoes();

    List<String> sent = since(before);
    assertThat(reports).isNotEmpty();
    Grants grants = Grants.of(installed, "lifeboat", "lifeboat-namespace-export");
    Set<ApiRequest> used = checkAllowedAndDiscoveryOnlyRead(sent, grants);
    assertThat(used).extracting(ApiRequest::verb).containsOnly("get", "list");
    assertThat(grants.grants)
        .allSatisfy(g -> assertThat(g.rule().getVerbs()).doesNotContainAnyElementsOf(WRITE_VERBS));
    assertEveryGrantedVerbIsUsed(grants, used);
  }

  @Test
  void theRestoreRoleAllowsEveryRequestOfAllThreeExistingPoliciesAndAMappingAndNoMore() {
    List<String> sent = new ArrayList<>();
    sent.addAll(
        restoreIntoAFreshCluster(
            options().withMapping(NamespaceMapping.parse(List.of("shop:shop-copy")))));
    sent.addAll(restoreIntoAFreshCluster(options()));
    sent.addAll(restoreIntoAFreshCluster(options().withExistingPolicy(ExistingPolicy.UPDATE)));
    sent.addAll(restoreIntoAFreshCluster(options().withExistingPolicy(ExistingPolicy.RECREATE)));

    Grants grants = Grants.of(installed, "lifeboat", "lifeboat-namespace-restore");
    Set<ApiRequest> used = checkAllowedAndDiscoveryOnlyRead(sent, grants);
    assertThat(used).extracting(ApiRequest::verb).contains("create", "get");
    assertEveryGrantedVerbIsUsed(grants, used);
  }

  @Test
  void theJobsThatNeverTalkToTheApiHaveNoBindingAndNoToken() {
    for (String account : List.of("lifeboat-etcd-snapshot", "lifeboat-etcd-verify")) {
      assertThat(Grants.of(installed, "lifeboat", account).grants).as(account).isEmpty();
      assertThat(
              installed.stream()
                  .filter(o -> o.getKind().equals("ServiceAccount"))
                  .filter(o -> o.getMetadata().getName().equals(account))
                  .map(o -> ((io.fabric8.kubernetes.api.model.ServiceAccount) o))
                  .map(
                      io.fabric8.kubernetes.api.model.ServiceAccount
                          ::getAutomountServiceAccountToken))
          .as(account)
          .containsExactly(false);
    }
  }

  /** What NamespaceExportApp does through ExportTasks, with the CronJob's namespace settings. */
  private List<ExportReport> exportAsTheJobDoes() {
    Selection selection = Selection.all().withNamespaces(List.of("*"), List.of("kube-node-lease"));
    Repository repository = new Repository(Repository.backupView(store), clock);
    List<String> namespaces = NamespaceExporter.selectNamespaces(cluster.client, selection);
    ExportRequest template =
        new ExportRequest(
            cluster.client,
            repository,
            Scope.namespace(new ClusterName("prod"), namespaces.get(0)),
            "20261125T1815Z",
            selection,
            Encoding.of(AgeRecipients.none()),
            2,
            null);
    return new NamespaceExporter().exportSelected(template, "test", Duration.ofHours(2));
  }

  /**
   * The shop namespace exported from its own mock cluster (as RestoreFixture does), then restored
   * into it: the requests of the restore only (plan and execute, as NamespaceRestoreApp runs them).
   */
  private static List<String> restoreIntoAFreshCluster(RestoreOptions options) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
    InMemoryObjectStore store = new InMemoryObjectStore(clock);
    try (MockCluster cluster = new MockCluster()) {
      cluster.dispatcher.establishCustomResourceDefinitions();
      new ShopFixtures(cluster.client).create();
      BackupRef backup =
          new NamespaceExporter()
              .export(
                  new ExportRequest(
                      cluster.client,
                      new Repository(Repository.backupView(store), clock),
                      Scope.namespace(new ClusterName("prod"), ShopFixtures.NS),
                      null,
                      Selection.all(),
                      Encoding.of(AgeRecipients.none())))
              .backup();
      int before = cluster.dispatcher.requests().size();
      NamespaceRestorer restorer =
          new NamespaceRestorer(new Repository(store, clock), cluster.client);
      var report =
          restorer.execute(
              restorer.plan(
                  new RestoreRequest(backup, null, Decoding.withoutIdentities(), options, "test")));
      // The CRUD mock drops a CRD's status when UPDATE or RECREATE rewrites it (on a real API
      // server the apiextensions controller sets it again), so the CRD never looks Established
      // again and its custom objects fail. Only those may fail; their requests are recorded.
      assertThat(report.failures())
          .as(options.existingPolicy().toString())
          .allSatisfy(
              f -> {
                assertThat(options.existingPolicy()).isNotEqualTo(ExistingPolicy.SKIP);
                assertThat(f.reason()).contains("did not become Established");
              });
      List<String> all = cluster.dispatcher.requests();
      return all.subList(before, all.size());
    }
  }

  private static RestoreOptions options() {
    return RestoreOptions.defaults()
        .withWaits(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(10));
  }

  private List<String> since(int index) {
    List<String> all = cluster.dispatcher.requests();
    return all.subList(index, all.size());
  }

  /** Every resource request is allowed; discovery requests are GETs. Returns the resource ones. */
  private static Set<ApiRequest> checkAllowedAndDiscoveryOnlyRead(
      List<String> sent, Grants grants) {
    Set<ApiRequest> used = new java.util.LinkedHashSet<>();
    List<String> discovery = new ArrayList<>();
    for (String request : sent) {
      ApiRequest.parse(request).ifPresentOrElse(used::add, () -> discovery.add(request));
    }
    assertThat(used).as("requests sent").isNotEmpty();
    assertThat(discovery).allSatisfy(r -> assertThat(r).startsWith("GET "));
    assertThat(used)
        .as("requests the role does not allow")
        .filteredOn(r -> !grants.allows(r))
        .extracting(ApiRequest::describe)
        .isEmpty();
    Map<String, Set<String>> summary = new java.util.TreeMap<>();
    used.forEach(r -> summary.computeIfAbsent(r.verb(), v -> new TreeSet<>()).add(r.describe()));
    System.out.println(
        "used: "
            + summary.keySet()
            + " "
            + summary.values().stream().mapToInt(Set::size).sum()
            + " (verb, resource) pairs");
    return used;
  }

  /**
   * Nothing granted beyond use: a rule naming resources must have each (verb, resource) used; a
   * wildcard rule must have each of its verbs used on some resource.
   */
  private static void assertEveryGrantedVerbIsUsed(Grants grants, Set<ApiRequest> used) {
    for (Grants.Grant grant : grants.grants) {
      assertThat(grant.rule().getVerbs()).as(grant.source()).doesNotContain("*");
      for (String verb : grant.rule().getVerbs()) {
        if (grant.wildcardResources()) {
          assertThat(used)
              .as(
                  "%s grants '%s' on every resource, which the job never used",
                  grant.source(), verb)
              .anyMatch(r -> r.verb().equals(verb));
        } else {
          for (String group : grant.rule().getApiGroups()) {
            for (String resource : grant.rule().getResources()) {
              assertThat(used)
                  .as(
                      "%s grants %s %s.%s, which the job never used",
                      grant.source(), verb, resource, group)
                  .anyMatch(
                      r ->
                          r.verb().equals(verb)
                              && r.group().equals(group)
                              && r.resource().equals(resource));
            }
          }
        }
      }
    }
  }
}
