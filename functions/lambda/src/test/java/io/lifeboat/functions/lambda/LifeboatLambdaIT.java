package io.lifeboat.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.RunPath;
import io.lifeboat.app.TaskResult;
import io.lifeboat.app.TaskSchedules;
import io.lifeboat.app.VolumesConfig;
import io.lifeboat.app.observe.RunObserver;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.testing.EtcdServer;
import io.lifeboat.testing.RecentSlots;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handler called directly, as the Lambda runtime would, with a real etcd. */
class LifeboatLambdaIT {
  @TempDir static Path dir;
  static EtcdServer etcd;
  static Path repo;
  static LifeboatLambda handler;

  @BeforeAll
  static void start() throws Exception {
    etcd = EtcdServer.start(dir.resolve("etcd"));
    etcd.fill("/registry/configmaps/default/cm-", 50, 256);
    repo = dir.resolve("repo");
    handler = handler(repo);
  }

  /** A handler on its own repository, as the Lambda runtime builds it. */
  static LifeboatLambda handler(Path repo) throws Exception {
    FileObjectStore.createRoot(repo).close();
    new RepositoryInitializer(new FileObjectStore(repo), Clock.systemUTC()).init(Set.of());
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withConverter(java.time.Duration.class, 200, new DurationConverter())
            .withMapping(LifeboatConfig.class)
            .withMapping(EtcdConfig.class)
            .withMapping(ExportConfig.class)
            .withMapping(VolumesConfig.class)
            .withMapping(PruneConfig.class)
            .withMapping(TaskSchedules.class)
            .withSources(
                new PropertiesConfigSource(
                    Map.of(
                        "lifeboat.cluster",
                        "prod",
                        "lifeboat.location",
                        "file://" + repo,
                        "lifeboat.etcd.endpoints",
                        etcd.endpoint().toString(),
                        "lifeboat.prune.etcd.keep-last",
                        "2",
                        "lifeboat.prune.etcd.keep-daily",
                        "0",
                        "lifeboat.prune.etcd.keep-weekly",
                        "0",
                        "lifeboat.prune.etcd.keep-monthly",
                        "0"),
                    "test",
                    500))
            .build();
    return new LifeboatLambda(
        new Wiring()
            .runs(
                config.getConfigMapping(LifeboatConfig.class),
                config.getConfigMapping(EtcdConfig.class),
                config.getConfigMapping(ExportConfig.class),
                config.getConfigMapping(VolumesConfig.class),
                config.getConfigMapping(PruneConfig.class),
                config.getConfigMapping(TaskSchedules.class),
                new RunPath(RunObserver.none(), Clock.systemUTC())));
  }

  @AfterAll
  static void stop() {
    etcd.close();
  }

  @Test
  void aScheduledInvocationRetriedForTheSameSlotMakesOneBackup() throws Exception {
    var event = new LambdaRequest("etcdSnapshot", RecentSlots.rfc3339(1), null, null, null);
    long before = catalogEntries();

    TaskResult first = handler.handleRequest(event, null);
    TaskResult retry = handler.handleRequest(event, null);

    assertThat(first.status()).isEqualTo("done");
    assertThat(first.backups()).hasSize(1);
    assertThat(retry.status()).isEqualTo("skipped");
    assertThat(catalogEntries()).isEqualTo(before + 1);
  }

  @Test
  void aDeltaAfterASnapshotCommitsAnEtcdDeltaOnItAndARetryOfItsSlotIsSkipped() throws Exception {
    // its own repository: the prune test's expectations count the full snapshots of `repo`
    Path deltaRepo = dir.resolve("delta-repo");
    LifeboatLambda handler = handler(deltaRepo);
    TaskResult full =
        handler.handleRequest(
            new LambdaRequest("etcdSnapshot", RecentSlots.rfc3339(8), null, null, null), null);
    assertThat(full.status()).isEqualTo("done");
    etcd.fill("/registry/configmaps/default/after-", 5, 64);
    long before = catalogEntries(deltaRepo, "etcd-delta/prod");
    var event = new LambdaRequest("etcdDelta", RecentSlots.rfc3339(7), null, null, null);

    TaskResult delta = handler.handleRequest(event, null);
    TaskResult retry = handler.handleRequest(event, null);

    assertThat(delta.status()).as(delta.message()).isEqualTo("done");
    assertThat(delta.backups()).hasSize(1);
    assertThat(retry.status()).isEqualTo("skipped");
    assertThat(catalogEntries(deltaRepo, "etcd-delta/prod")).isEqualTo(before + 1);
    assertThat(deltaRepo.resolve("claims/etcd-delta/prod/" + RecentSlots.key(7))).exists();
    assertThat(deltaRepo.resolve("catalog/etcd-delta/prod/" + delta.backups().get(0) + ".json"))
        .exists();
  }

  static long catalogEntries() throws Exception {
    return catalogEntries(repo, "etcd/prod");
  }

  static long catalogEntries(Path repo, String kindAndScope) throws Exception {
    Path catalog = repo.resolve("catalog/" + kindAndScope);
    if (!Files.isDirectory(catalog)) {
      return 0;
    }
    try (var entries = Files.list(catalog)) {
      return entries.filter(p -> p.toString().endsWith(".json")).count();
    }
  }

  @Test
  void aFutureSlotIsRefusedWithExitTwoNamingItAndClaimsNothing() {
    String tomorrow =
        new io.lifeboat.schedule.Slot(
                java.time.Instant.now()
                    .plus(java.time.Duration.ofDays(1))
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS))
            .keySegment();

    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    new LambdaRequest("etcdSnapshot", tomorrow, null, null, null), null))
        .isInstanceOf(TaskFailed.class)
        .hasMessageStartingWith("exit 2: ")
        .hasMessageContaining("slot '" + tomorrow + "' is in the future");
    assertThat(repo.resolve("claims/etcd/prod/" + tomorrow)).doesNotExist();
  }

  @Test
  void listAnswersTheBackupIds() {
    TaskResult made =
        handler.handleRequest(
            new LambdaRequest("etcdSnapshot", RecentSlots.key(2), null, null, null), null);

    TaskResult listed =
        handler.handleRequest(new LambdaRequest("list", null, "etcd", "prod", null), null);

    assertThat(listed.backups()).contains("prod/" + made.backups().get(0));
  }

  @Test
  void aTaskThisPackageDoesNotServeFailsTheInvocationWithExitTwo() {
    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    new LambdaRequest("namespaceExport", null, null, null, null), null))
        .isInstanceOf(TaskFailed.class)
        .hasMessageStartingWith("exit 2: ")
        .hasMessageContaining("'namespaceExport'");
  }

  @Test
  void volumeSnapshotIsRefusedWithExitTwoNamingTheTaskAndWhy() {
    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    new LambdaRequest("volumeSnapshot", RecentSlots.key(3), null, null, null),
                    null))
        .isInstanceOf(TaskFailed.class)
        .hasMessageStartingWith("exit 2: ")
        .hasMessageContaining("'volumeSnapshot'")
        .hasMessageContaining("Kubernetes client");
  }

  @Test
  void pruneKeepsTheNewestTwoAndADryRunBeforeItDeletesNothing() throws Exception {
    for (String slot : List.of(RecentSlots.key(6), RecentSlots.key(5), RecentSlots.key(4))) {
      handler.handleRequest(new LambdaRequest("etcdSnapshot", slot, null, null, null), null);
    }
    List<String> before = ids();
    assertThat(before).hasSizeGreaterThanOrEqualTo(3);

    TaskResult plan =
        handler.handleRequest(new LambdaRequest("prune", null, null, null, "true"), null);
    assertThat(ids()).isEqualTo(before);
    TaskResult pruned =
        handler.handleRequest(new LambdaRequest("prune", null, null, null, null), null);

    List<String> removed = before.subList(0, before.size() - 2);
    assertThat(plan.message())
        .startsWith("dry run, nothing deleted")
        .contains("remove  " + removed.get(0));
    assertThat(plan.backups()).containsExactlyElementsOf(removed);
    assertThat(pruned.status()).isEqualTo("done");
    assertThat(pruned.backups()).containsExactlyElementsOf(removed);
    assertThat(ids()).containsExactlyElementsOf(before.subList(before.size() - 2, before.size()));
  }

  private static List<String> ids() {
    return handler
        .handleRequest(new LambdaRequest("list", null, "etcd", "prod", null), null)
        .backups()
        .stream()
        .map(scoped -> scoped.substring("prod/".length()))
        .toList();
  }
}
