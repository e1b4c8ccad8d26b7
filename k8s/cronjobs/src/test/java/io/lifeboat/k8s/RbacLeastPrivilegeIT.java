package io.lifeboat.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.lifeboat.app.observe.PodEvents;
import io.lifeboat.app.observe.RunReport;
import io.lifeboat.codec.AgeRecipients;
import io.lifeboat.codec.Decoding;
import io.lifeboat.codec.Encoding;
import io.lifeboat.error.ExitCode;
import io.lifeboat.export.ExportRequest;
import io.lifeboat.export.MockCluster;
import io.lifeboat.export.NamespaceExporter;
import io.lifeboat.export.Selection;
import io.lifeboat.export.ShopFixtures;
import io.lifeboat.kube.Pause;
import io.lifeboat.prune.ExternalResources;
import io.lifeboat.prune.PruneSettings;
import io.lifeboat.prune.Pruner;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.ExistingPolicy;
import io.lifeboat.restore.namespace.NamespaceMapping;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreOptions;
import io.lifeboat.restore.namespace.RestoreRequest;
import io.lifeboat.retention.RetentionPolicy;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.volumes.VolumeSnapshotReclaimer;
import io.lifeboat.volumes.VolumeSnapshotter;
import io.lifeboat.volumes.VolumesCluster;
import io.lifeboat.volumes.VolumesOutcome;
import io.lifeboat.volumes.VolumesRequest;
import io.lifeboat.volumes.VolumesSelection;
import io.lifeboat.volumes.hooks.ExecHookRunner;
import io.lifeboat.volumes.hooks.HookRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each job's RBAC, checked against what its use-case really asks the API server for: the job's code
 * runs against the fabric8 mock (with discovery and paging), every request is recorded and mapped
 * to (verb, group, resource), and the rendered install's (Cluster)Roles bound to the job's
 * ServiceAccount must allow every one of them and grant no verb the job never used.
 *
 * <p>Export and restore read types they cannot know in advance (discovery: CRDs, any group), so
 * their roles name {@code *} resources; for those the check is per verb: each granted verb was
 * used, and the export's cluster role holds no write verb. The volume snapshot and prune roles name
 * their resources, so each granted (verb, resource) must have been used. Jobs that report their run
 * (RunObserver: all but the etcd snapshot, which mounts no token) also send PodEvents' requests,
 * recorded the same way.
 */
class RbacLeastPrivilegeIT {
  private static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection", "escalate", "bind");

  private static List<HasMetadata> installed;

  /** k8s/management: prune, restore and verify, in namespace lifeboat-admin of another cluster. */
  private static List<HasMetadata> management;

  private static final String ADMIN = "lifeboat-admin";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore store = new InMemoryObjectStore(clock);
  private final MockCluster cluster = new MockCluster();

  @BeforeAll
  static void render() {
    installed = Kustomize.render(".");
    management = Kustomize.render("../management");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void theExportRoleAllowsEveryRequestTheExportSendsAndGrantsNoWrite() {
    new ShopFixtures(cluster.client).create();
    int before = cluster.dispatcher.requests().size();

    List<ClaimedRun.Result> reports = exportAsTheJobDoes();

    List<String> sent = new ArrayList<>(since(before));
    assertThat(reports).isNotEmpty().allMatch(r -> r.committed().isPresent());
    sent.addAll(eventRequests("lifeboat-namespace-export-29399520-x7k2p"));
    Grants grants = Grants.of(installed, "lifeboat", "lifeboat-namespace-export");
    Set<ApiRequest> used = checkAllowedAndDiscoveryOnlyRead(sent, grants);
    assertThat(used)
        .filteredOn(r -> WRITE_VERBS.contains(r.verb()))
        .as("its only write: the run's Event in its own namespace")
        .extracting(r -> r.describe() + " in " + r.namespace())
        .containsOnly("create events in lifeboat");
    assertThat(grants.grants)
        .filteredOn(g -> g.namespace() == null)
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
    sent.addAll(eventRequests("lifeboat-restore-shop-x7k2p", ADMIN));

    Grants grants = Grants.of(management, ADMIN, "lifeboat-namespace-restore");
    Set<ApiRequest> used = checkAllowedAndDiscoveryOnlyRead(sent, grants);
    assertThat(used).extracting(ApiRequest::verb).contains("create", "get");
    assertEveryGrantedVerbIsUsed(grants, used);
  }

  @Test
  void theJobsThatNeverTalkToTheApiHaveNoBindingAndNoToken() {
    for (var job :
        List.of(
            Map.entry("lifeboat-etcd-snapshot", installed),
            Map.entry("lifeboat-etcd-verify", management))) {
      String account = job.getKey();
      String namespace = job.getValue() == installed ? "lifeboat" : ADMIN;
      assertThat(Grants.of(job.getValue(), namespace, account).grants).as(account).isEmpty();
      assertThat(
              job.getValue().stream()
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

  @Test
  void theVolumeSnapshotRoleAllowsEveryRequestOfARunWithHooksAndAStuckSnapshotAndNoMore() {
    try (VolumesCluster volumes = new VolumesCluster()) {
      new RepositoryInitializer(store, clock).init(Set.of());
      volumes.namespace("shop");
      volumes.storageClass("gp3", VolumesCluster.DRIVER);
      volumes.snapshotClass("ebs", VolumesCluster.DRIVER, false, false);
      // One PVC on a CSI PersistentVolume (driver read from the PV), one whose driver comes from
      // its StorageClass, one whose snapshot never becomes ready (deleted at the deadline).
      volumes.pvc("shop", "data-db-0", "gp3", "10Gi", Map.of(), Map.of(), VolumesCluster.DRIVER);
      volumes.pvc("shop", "uploads", "gp3", "1Gi");
      volumes.pvc("shop", "stuck", "gp3", "1Gi");
      volumes.neverReady("shop", "stuck");
      volumes.pod("shop", "db-0", hooks());
      List<String> controller = new ArrayList<>();

      VolumesOutcome outcome = snapshotAsTheJobDoes(volumes, controller);

      assertThat(outcome.exitCode()).isEqualTo(ExitCode.PARTIAL);
      assertThat(outcome.of("shop").source().volumes()).hasSize(2);
      List<String> sent = new ArrayList<>(controller);
      sent.addAll(eventRequests("lifeboat-volume-snapshot-29399520-x7k2p"));
      List<HasMetadata> withHooks = new ArrayList<>(installed);
      withHooks.add(hooksRoleBinding("shop"));
      Grants grants = Grants.of(withHooks, "lifeboat", "lifeboat-volume-snapshot");
      Set<ApiRequest> used = checkAllowedAndDiscoveryOnlyRead(sent, grants);
      assertThat(used)
          .extracting(ApiRequest::describe)
          .contains(
              "create pods/exec",
              "get pods/exec",
              "create volumesnapshots.snapshot.storage.k8s.io",
              "delete volumesnapshots.snapshot.storage.k8s.io",
              "patch volumesnapshotcontents.snapshot.storage.k8s.io");
      assertEveryGrantedVerbIsUsed(grants, used);
    }
  }

  @Test
  void thePruneRoleAllowsReclaimingAVolumeBackupsSnapshotsAndNoMore() {
    try (VolumesCluster volumes = new VolumesCluster()) {
      new RepositoryInitializer(store, clock).init(Set.of());
      volumes.namespace("shop");
      volumes.storageClass("gp3", VolumesCluster.DRIVER);
      volumes.snapshotClass("ebs", VolumesCluster.DRIVER, false, false);
      volumes.pvc("shop", "data-db-0", "gp3", "10Gi");
      backUpVolumes(volumes);
      clock.advance(Duration.ofDays(2));
      backUpVolumes(volumes);
      int before = volumes.requests().size();

      List<String> summaries = pruneAsTheJobDoes(volumes);

      List<String> sent =
          new ArrayList<>(volumes.requests().subList(before, volumes.requests().size()));
      sent.addAll(eventRequests("lifeboat-prune-29399520-x7k2p", ADMIN));
      assertThat(summaries).anySatisfy(s -> assertThat(s).contains("volumes"));
      assertThat(new Repository(store, clock).list(Kind.VOLUMES, null)).hasSize(1);
      Grants grants = Grants.of(management, ADMIN, "lifeboat-prune");
      Set<ApiRequest> used = checkAllowedAndDiscoveryOnlyRead(sent, grants);
      assertThat(used)
          .extracting(ApiRequest::describe)
          .contains(
              "get volumesnapshots.snapshot.storage.k8s.io",
              "delete volumesnapshots.snapshot.storage.k8s.io",
              "get volumesnapshotcontents.snapshot.storage.k8s.io",
              "delete volumesnapshotcontents.snapshot.storage.k8s.io");
      assertEveryGrantedVerbIsUsed(grants, used);
    }
  }

  @Test
  void theJobsThatReportTheirRunPostTheEventInTheirOwnNamespaceOnly() {
    for (var side :
        Map.of(
                "lifeboat",
                Map.entry(
                    installed, List.of("lifeboat-namespace-export", "lifeboat-volume-snapshot")),
                ADMIN,
                Map.entry(management, List.of("lifeboat-namespace-restore", "lifeboat-prune")))
            .entrySet()) {
      String namespace = side.getKey();
      Set<ApiRequest> checks =
          eventRequests("lifeboat-run-29399520-x7k2p", namespace).stream()
              .flatMap(r -> ApiRequest.checks(r).stream())
              .collect(Collectors.toSet());
      assertThat(checks)
          .extracting(r -> r.describe() + " in " + r.namespace())
          .containsExactlyInAnyOrder("get pods in " + namespace, "create events in " + namespace);
      for (String account : side.getValue().getValue()) {
        Grants grants = Grants.of(side.getValue().getKey(), namespace, account);
        assertThat(checks).as(account).allMatch(grants::allows);
        if (!account.equals("lifeboat-namespace-restore")) { // it creates anything it restores
          assertThat(grants.allows(new ApiRequest("create", "", "events", "shop")))
              .as(account + ": an Event in another namespace")
              .isFalse();
        }
      }
    }
  }

  @Test
  void theBackedUpClusterHoldsNoAdminSecretSoTheExportRoleReadsOnlyBackupSideSecrets() {
    Grants export = Grants.of(installed, "lifeboat", "lifeboat-namespace-export");
    // RBAC cannot subtract: get, list on */* reads every Secret of the cluster, its own namespace's
    // too. The guarantee is that nothing admin is ever put where it reads.
    assertThat(export.allows(new ApiRequest("get", "", "secrets", "lifeboat"))).isTrue();
    for (String dir : List.of(".", "overlays/k3s", "overlays/external-etcd", "overlays/aws-irsa")) {
      assertThat(ManifestsIT.secretsReferenced(Kustomize.render(dir)))
          .as("%s: Secrets the backed-up cluster's install reads", dir)
          .isSubsetOf("lifeboat-s3-backup", "lifeboat-etcd-client")
          .doesNotContain("lifeboat-s3-admin", "lifeboat-age-identity");
    }
    assertThat(ManifestsIT.secretsReferenced(management))
        .contains("lifeboat-s3-admin", "lifeboat-age-identity", "lifeboat-target-kubeconfig");
    assertThat(management)
        .as("k8s/management lives in its own namespace, never lifeboat")
        .filteredOn(o -> o.getMetadata().getNamespace() != null)
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(ADMIN));
  }

  @Test
  void theVolumeSnapshotAccountMayExecOnlyWhereAHooksRoleBindingIsCreated() {
    Grants base = Grants.of(installed, "lifeboat", "lifeboat-volume-snapshot");
    List<HasMetadata> withHooks = new ArrayList<>(installed);
    withHooks.add(hooksRoleBinding("shop"));
    Grants shop = Grants.of(withHooks, "lifeboat", "lifeboat-volume-snapshot");

    for (String namespace : List.of("shop", "kube-system", "lifeboat")) {
      assertThat(base.allows(new ApiRequest("create", "", "pods/exec", namespace)))
          .as("exec in " + namespace + " as installed")
          .isFalse();
    }
    assertThat(shop.allows(new ApiRequest("create", "", "pods/exec", "shop"))).isTrue();
    assertThat(shop.allows(new ApiRequest("get", "", "pods/exec", "shop"))).isTrue();
    assertThat(shop.allows(new ApiRequest("create", "", "pods/exec", "kube-system"))).isFalse();
    assertThat(installed)
        .as("the hooks ClusterRole is shipped, bound by no ClusterRoleBinding")
        .anyMatch(o -> o.getKind().equals("ClusterRole") && name(o).equals("lifeboat-volume-hooks"))
        .noneMatch(
            o ->
                o instanceof io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding binding
                    && binding.getRoleRef().getName().equals("lifeboat-volume-hooks"));
  }

  /**
   * What {@code kubectl -n <namespace> create rolebinding lifeboat-volume-hooks
   * --clusterrole=lifeboat-volume-hooks --serviceaccount=lifeboat:lifeboat-volume-snapshot} creates
   * (the command base/volume-snapshot.yaml documents).
   */
  private static HasMetadata hooksRoleBinding(String namespace) {
    return new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
        .withNewMetadata()
        .withName("lifeboat-volume-hooks")
        .withNamespace(namespace)
        .endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "lifeboat-volume-hooks")
        .addNewSubject()
        .withKind("ServiceAccount")
        .withName("lifeboat-volume-snapshot")
        .withNamespace("lifeboat")
        .endSubject()
        .build();
  }

  private static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }

  @Test
  void everyLifeboatEnvironmentVariableAManifestSetsIsAPropertySomeJobReads() {
    Set<String> known = ConfigNames.environmentVariables();
    assertThat(known)
        .contains("LIFEBOAT_PRUNE_MAX_JOB_DEADLINE", "LIFEBOAT_VOLUMES_READY_DEADLINE");
    for (String dir :
        List.of(
            ".",
            "overlays/k3s",
            "overlays/external-etcd",
            "overlays/aws-irsa",
            "../management",
            "../management/overlays/aws-irsa")) {
      List<String> set =
          Kustomize.render(dir).stream()
              .filter(o -> o instanceof CronJob)
              .flatMap(o -> containers((CronJob) o).stream())
              .flatMap(c -> c.getEnv().stream().map(EnvVar::getName))
              .filter(name -> name.startsWith("LIFEBOAT_"))
              .toList();
      assertThat(set).as(dir).isNotEmpty();
      assertThat(set).as("%s: env names no config mapping declares", dir).isSubsetOf(known);
    }
  }

  /**
   * What VolumeSnapshotApp does through VolumesTasks.snapshot, with the CronJob's env: the
   * backup-only store view, the real exec hook runner. The pause plays the CSI snapshot controller
   * (on the same mock, so its requests are left out of {@code jobRequests}) instead of sleeping.
   */
  private VolumesOutcome snapshotAsTheJobDoes(VolumesCluster volumes, List<String> jobRequests) {
    Map<String, String> env = env("lifeboat-volume-snapshot");
    Duration deadline =
        Duration.parse(
            "PT"
                + env.getOrDefault("LIFEBOAT_VOLUMES_READY_DEADLINE", "10m")
                    .toUpperCase(java.util.Locale.ROOT));
    VolumesRequest request =
        new VolumesRequest(
            new ClusterName("prod"),
            new RunTrigger.Manual("test"),
            new VolumesSelection(
                list(env.get("LIFEBOAT_VOLUMES_INCLUDE_NAMESPACES")),
                list(env.get("LIFEBOAT_VOLUMES_EXCLUDE_NAMESPACES")),
                env.get("LIFEBOAT_VOLUMES_LABEL_SELECTOR")),
            deadline,
            Duration.ofSeconds(5),
            "test",
            deadline.plus(Duration.ofMinutes(15)));
    int[] mark = {volumes.requests().size()};
    Pause controller = volumes.pause(clock);
    Pause between =
        interval -> {
          List<String> all = volumes.requests();
          jobRequests.addAll(all.subList(mark[0], all.size()));
          controller.pause(interval);
          mark[0] = volumes.requests().size();
        };
    VolumesOutcome outcome =
        new VolumeSnapshotter(
                volumes.client,
                new Repository(Repository.backupView(store), clock),
                new ExecHookRunner(volumes.client),
                between)
            .run(request);
    List<String> all = volumes.requests();
    jobRequests.addAll(all.subList(mark[0], all.size()));
    return outcome;
  }

  private void backUpVolumes(VolumesCluster volumes) {
    new VolumeSnapshotter(
            volumes.client,
            new Repository(Repository.backupView(store), clock),
            hook -> HookRunner.Result.succeeded(),
            volumes.pause(clock))
        .run(VolumesCluster.manualRun("shop"));
  }

  /**
   * What PruneApp does through PruneTasks.prune for the CronJob's kinds: the descriptor check, the
   * VolumeSnapshotReclaimer when volumes are pruned, one prune per scope of each kind. The policy
   * keeps only the newest backup (the job's keeps more; the requests per removed backup are the
   * same).
   */
  private List<String> pruneAsTheJobDoes(VolumesCluster volumes) {
    List<Kind> kinds =
        list(
                env(management, "lifeboat-prune")
                    .getOrDefault("LIFEBOAT_PRUNE_KINDS", "etcd,namespace"))
            .stream()
            .map(Kind::parse)
            .toList();
    assertThat(kinds).as("the prune CronJob prunes volume backups").contains(Kind.VOLUMES);
    new Repository(store, clock).descriptor();
    ExternalResources external =
        kinds.contains(Kind.VOLUMES)
            ? new VolumeSnapshotReclaimer(volumes.client)
            : ExternalResources.none();
    Pruner pruner = new Pruner(store, clock, external);
    List<String> summaries = new ArrayList<>();
    for (Kind kind : kinds) {
      for (Scope scope : pruner.scopes(kind, new ClusterName("prod"))) {
        PruneSettings settings = PruneSettings.of(RetentionPolicy.newestOnly());
        summaries.add(pruner.prune(kind, scope, settings, "test").summary());
      }
    }
    return summaries;
  }

  /** The requests PodEvents sends for one run's Event on {@code pod} in the lifeboat namespace. */
  private static List<String> eventRequests(String pod) {
    return eventRequests(pod, "lifeboat");
  }

  /** The requests PodEvents sends for one run's Event on {@code pod} in {@code namespace}. */
  private static List<String> eventRequests(String pod, String namespace) {
    try (MockCluster events = new MockCluster()) {
      events
          .client
          .pods()
          .inNamespace(namespace)
          .resource(new PodBuilder().withNewMetadata().withName(pod).endMetadata().build())
          .create();
      int before = events.dispatcher.requests().size();
      new PodEvents(events.client, namespace, pod)
          .record(
              new RunReport(
                  Kind.NAMESPACE,
                  "prod/shop",
                  RunReport.Outcome.DONE,
                  ExitCode.OK,
                  Duration.ofSeconds(3),
                  42,
                  List.of(),
                  "done"),
              Instant.parse("2026-11-25T18:15:09Z"));
      List<String> all = events.dispatcher.requests();
      return List.copyOf(all.subList(before, all.size()));
    }
  }

  private static Map<String, String> env(String cronJob) {
    return env(installed, cronJob);
  }

  private static Map<String, String> env(List<HasMetadata> objects, String cronJob) {
    Map<String, String> env = new LinkedHashMap<>();
    objects.stream()
        .filter(o -> o instanceof CronJob && o.getMetadata().getName().equals(cronJob))
        .flatMap(o -> containers((CronJob) o).stream())
        .flatMap(c -> c.getEnv().stream())
        .filter(e -> e.getValue() != null)
        .forEach(e -> env.put(e.getName(), e.getValue()));
    assertThat(env).as(cronJob + " env").isNotEmpty();
    return env;
  }

  private static List<io.fabric8.kubernetes.api.model.Container> containers(CronJob job) {
    return job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers();
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank()
        ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
  }

  private static Map<String, String> hooks() {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("pre.hook.lifeboat.io/command", "[\"fsfreeze\",\"--freeze\",\"/data\"]");
    annotations.put("post.hook.lifeboat.io/command", "[\"fsfreeze\",\"--unfreeze\",\"/data\"]");
    return annotations;
  }

  /** What NamespaceExportApp does through ExportTasks, with the CronJob's namespace settings. */
  private List<ClaimedRun.Result> exportAsTheJobDoes() {
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
      List<ApiRequest> checks = ApiRequest.checks(request);
      if (checks.isEmpty()) {
        discovery.add(request);
      }
      used.addAll(checks);
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
            + summary.values().stream().mapToInt(Set::size).sum()
            + " (verb, resource) pairs "
            + (summary.values().stream().mapToInt(Set::size).sum() > 40
                ? summary.keySet()
                : summary.values()));
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
