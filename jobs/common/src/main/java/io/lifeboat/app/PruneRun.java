package io.lifeboat.app;

import io.lifeboat.app.observe.RunReport;
import io.lifeboat.app.observe.RunReports;
import io.lifeboat.prune.PrunePlan;
import io.lifeboat.prune.Pruner;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects one prune call's results for the prune job and {@link TaskRuns}: a report per pruned
 * scope, the plans of a dry run, and which scope was being worked on when a failure came, so the
 * failure is reported under that kind and scope. Each plan (dry run) or summary also goes to {@code
 * out}, as the job logs them.
 */
public final class PruneRun implements PruneTasks.Results {
  private final Clock clock;
  private final Consumer<String> out;
  private final List<RunReport> reports = new ArrayList<>();
  private final List<PrunePlan> plans = new ArrayList<>();
  private Kind kind = Kind.ETCD; // before the first scope: the one group every cluster has
  private String scope;
  private Instant started;

  PruneRun(Clock clock, String cluster) {
    this(clock, cluster, line -> {});
  }

  public PruneRun(Clock clock, String cluster, Consumer<String> out) {
    this.clock = clock;
    this.out = out;
    this.scope = cluster;
    this.started = clock.instant();
  }

  @Override
  public void starting(Kind kind, Scope scope) {
    this.kind = kind;
    this.scope = scope.toString();
    this.started = clock.instant();
  }

  @Override
  public void planned(PrunePlan plan) {
    plans.add(plan);
    out.accept(plan.render());
  }

  @Override
  public void pruned(Pruner.Outcome outcome) {
    reports.add(RunReports.prune(outcome));
    out.accept(outcome.summary());
  }

  /** The reports so far and a failed one for the scope at hand. */
  public List<RunReport> failed(RuntimeException failure) {
    List<RunReport> all = new ArrayList<>(reports);
    all.add(
        RunReports.failed(
            RunReport.Task.PRUNE,
            kind,
            scope,
            failure,
            Duration.between(started, clock.instant())));
    return all;
  }

  public List<RunReport> reports() {
    return reports;
  }

  /** A dry run's answer: what each plan would remove, and the plans as {@code --dry-run} prints. */
  TaskResult dryRun() {
    List<String> wouldRemove =
        plans.stream()
            .flatMap(p -> p.removals().stream())
            .map(r -> r.backup().id().toString())
            .toList();
    StringBuilder text = new StringBuilder("dry run, nothing deleted");
    plans.forEach(p -> text.append('\n').append(p.render().strip()));
    return new TaskResult("done", 0, wouldRemove, text.toString());
  }
}
