package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.RunPath.Outcome;
import io.lifeboat.app.RunPath.Voice;
import io.lifeboat.app.observe.RestoreRunReports;
import io.lifeboat.app.observe.RunReport;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.export.ShardRun;
import io.lifeboat.repository.ClaimedRun;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreFanOut;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.schedule.RunTrigger;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.volumes.VolumesOutcome;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One run of each job image, on the {@link RunPath} the functions share: a start line naming the
 * trigger and the location, the task, its summary, a report per scope, and the exit code the
 * process ends with. A failure is one {@code lifeboat: <message>} line on stderr and its exit code.
 * Each job app is one call here with its own config.
 */
@Singleton
public class JobRuns {
  private static final Logger LOG = Logger.getLogger(JobRuns.class);

  private final LifeboatConfig config;
  private final RunPath path;
  private final Supplier<KubernetesClient> kubernetes;
  private final Clock clock;

  @Inject
  public JobRuns(LifeboatConfig config, RunPath path, Instance<KubernetesClient> kubernetes) {
    this.config = config;
    this.path = path;
    this.kubernetes = kubernetes::get;
    this.clock = path.clock();
  }

  /** One etcd snapshot or delta, as {@code lifeboat.etcd.backup} says. */
  public int etcdBackup(EtcdConfig etcd) {
    RunPath.Task task =
        (store, took) -> {
          RunTrigger trigger = started("etcd " + etcd.backup().strip(), store);
          ClaimedRun.Result result = Tasks.etcdBackup(config, etcd, store, trigger, clock);
          return Outcome.of(List.of(RunReports.claimed(result, took.get())));
        };
    return path.run(this::openForBackup, task, failedAs(Kind.ETCD), Voice.JOB).exitCode();
  }

  /** This pod's shard of the selected namespaces: exit 3 when partial. */
  public int namespaceExport(ExportConfig export) {
    RunPath.Task task =
        (store, took) -> {
          RunTrigger trigger = started("namespace export", store);
          ShardRun run =
              ExportTasks.export(config, export, kubernetes.get(), store, trigger, clock);
          return new Outcome(RunReports.export(run, took.get()), run.exitCode().code());
        };
    return path.run(this::openForBackup, task, failedAs(Kind.NAMESPACE), Voice.JOB).exitCode();
  }

  /** The selected namespaces' volumes: exit 3 when partial; the summary in one log line. */
  public int volumeSnapshot(VolumesConfig volumes) {
    RunPath.Task task =
        (store, took) -> {
          RunTrigger trigger = started("volume snapshots", store);
          VolumesOutcome outcome =
              VolumesTasks.snapshot(config, volumes, kubernetes.get(), store, trigger, clock);
          LOG.info(outcome.summary());
          return new Outcome(RunReports.volumes(outcome, took.get()), outcome.exitCode().code());
        };
    return path.run(this::openForBackup, task, failedAs(Kind.VOLUMES), Voice.JOB_FAILURES)
        .exitCode();
  }

  /**
   * Every configured kind and scope; each plan or summary is logged as it is made, and a failure is
   * reported under the scope it was working on.
   */
  public int prune(PruneConfig prune) {
    PruneRun run = new PruneRun(clock, cluster(), LOG::info);
    RunPath.Task task =
        (store, took) -> {
          LOG.infof("prune starting: kinds %s, location %s", prune.kinds(), store.location());
          var request = new PruneTasks.Request(null, null, null);
          PruneTasks.prune(config, prune, store, clock, request, kubernetes, run);
          return new Outcome(run.reports(), 0);
        };
    // Prune deletes: it needs the full credentials, not a backup run's put-only view.
    return path.run(() -> Stores.open(config), task, (e, took) -> run.failed(e), Voice.JOB_FAILURES)
        .exitCode();
  }

  /**
   * One namespace restore: plan, then execute and print the report (or print the plan: a dry run
   * that succeeds reports nothing). With {@code lifeboat.restore.namespaces}, the same for every
   * namespace matching the glob, a bounded number at a time.
   */
  public int namespaceRestore(NamespaceRestoreConfig restore) {
    String scope = cluster() + restore.namespace().map(n -> "/" + n).orElse("");
    return path.run(
            () -> openAfterChecks(restore),
            (store, took) ->
                restore.namespaces().isPresent()
                    ? restoredMany(restore, restore.namespaces().get(), store, took)
                    : restored(restore, store, took),
            (e, took) -> List.of(RestoreRunReports.failed(scope, e, took)),
            Voice.JOB_FAILURES)
        .exitCode();
  }

  /** A bad setting beside {@code lifeboat.restore.namespaces} exits 2 before the store is read. */
  private ObjectStore openAfterChecks(NamespaceRestoreConfig restore) {
    restore
        .namespaces()
        .ifPresent(
            glob ->
                ManyNamespaceRestores.validate(
                    NamespaceRestores.settings(restore, config),
                    glob,
                    restore.parallelNamespaces(),
                    ManyNamespaceRestores.Names.JOB));
    return Stores.open(config);
  }

  /**
   * {@code lifeboat.restore.namespaces}: every namespace with a backup matching the glob, {@code
   * lifeboat.restore.parallel-namespaces} at a time; one report each, timed when it ends.
   */
  private Outcome restoredMany(
      NamespaceRestoreConfig restore, String glob, ObjectStore store, Supplier<Duration> took) {
    Repository repository = new Repository(store, clock);
    var settings = NamespaceRestores.settings(restore, config);
    NamespaceRestorer restorer = NamespaceRestores.restorer(repository, kubernetes.get());
    var many = new ManyNamespaceRestores(config, restore, settings, System.out);
    List<String> names = many.namespaces(repository, glob);
    if (restore.dryRun()) {
      many.renderPlans(restorer, repository, names);
      return new Outcome(List.of(), 0);
    }
    List<RunReport> reports = Collections.synchronizedList(new ArrayList<>());
    var outcomes =
        many.restore(
            restorer,
            repository,
            names,
            glob,
            restore.parallelNamespaces(),
            outcome ->
                reports.add(
                    outcome.report() != null
                        ? RestoreRunReports.of(outcome.report(), took.get())
                        : RestoreRunReports.failed(
                            cluster() + "/" + outcome.namespace(), outcome.failure(), took.get())));
    return new Outcome(reports, RestoreFanOut.exitCode(outcomes).code());
  }

  private Outcome restored(
      NamespaceRestoreConfig restore, ObjectStore store, Supplier<Duration> took) {
    Repository repository = new Repository(store, clock);
    var settings = NamespaceRestores.settings(restore, config);
    NamespaceRestorer restorer = NamespaceRestores.restorer(repository, kubernetes.get());
    var request =
        NamespaceRestores.request(settings, config, repository, NamespaceRestores.limits(restore));
    try (RestorePlan plan = restorer.plan(request)) {
      if (restore.dryRun()) {
        plan.render(System.out);
        return new Outcome(List.of(), 0);
      }
      var report = restorer.execute(plan);
      System.out.print(report.render());
      return new Outcome(
          List.of(RestoreRunReports.of(report, took.get())), report.exitCode().code());
    }
  }

  /** The trigger of a job's run, announced with the location in the run's first line. */
  private RunTrigger started(String what, ObjectStore store) {
    RunTrigger trigger = Tasks.trigger(config, clock);
    LOG.infof("%s starting: %s, location %s", what, trigger.describe(), store.location());
    return trigger;
  }

  private RunPath.Failure failedAs(Kind kind) {
    return (e, took) -> List.<RunReport>of(RunReports.failed(kind, cluster(), e, took));
  }

  private ObjectStore openForBackup() {
    return Stores.openForBackup(config);
  }

  private String cluster() {
    return config.cluster().orElse("unknown");
  }
}
