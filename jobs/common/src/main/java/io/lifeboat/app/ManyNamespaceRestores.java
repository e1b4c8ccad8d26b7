package io.lifeboat.app;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Repository;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.RestoreFanOut;
import io.lifeboat.restore.namespace.RestorePlan;
import io.lifeboat.restore.namespace.RestoreReport;
import io.lifeboat.restore.namespace.RestoreRequest;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The restore of every namespace with a backup matching a glob ({@code lifeboat.restore.namespaces}
 * in the Job, {@code --namespaces} in the CLI): each namespace planned and restored on its own
 * through {@link RestoreFanOut}, {@code parallel} at a time, each report printed whole as its
 * restore finishes, then one summary line. Translation and printing only; the Job and the CLI make
 * the same calls.
 */
public final class ManyNamespaceRestores {
  private final LifeboatConfig config;
  private final NamespaceRestoreConfig restore;
  private final RestoreSettings settings;
  private final PrintStream out;

  public ManyNamespaceRestores(
      LifeboatConfig config,
      NamespaceRestoreConfig restore,
      RestoreSettings settings,
      PrintStream out) {
    this.config = config;
    this.restore = restore;
    this.settings = settings;
    this.out = out;
  }

  /** How the user names the settings: the CLI's flags or the Job's properties. */
  public record Names(String namespace, String glob, String parallel, String backup) {
    public static final Names JOB =
        new Names(
            "lifeboat.restore.namespace",
            "lifeboat.restore.namespaces",
            "lifeboat.restore.parallel-namespaces",
            "lifeboat.restore.backup");
  }

  /**
   * Refuses what cannot be meant, naming the settings as the user gave them: one namespace and a
   * glob at once, a bound below 1, a backup id (it is one namespace's backup; each namespace
   * restores its own {@code latest}).
   */
  public static void validate(RestoreSettings settings, String glob, int parallel, Names names) {
    if (settings.namespace() != null) {
      throw new InvalidConfigurationException(
          names.namespace() + " and " + names.glob() + " '" + glob + "': give one of them");
    }
    if (glob.isBlank()) {
      throw new InvalidConfigurationException(
          names.glob() + " is empty: give a glob such as 'team-*'");
    }
    if (parallel < 1) {
      throw new InvalidConfigurationException(names.parallel() + " must be >= 1, was " + parallel);
    }
    if (!"latest".equals(settings.backup())) {
      throw new InvalidConfigurationException(
          names.backup()
              + " '"
              + settings.backup()
              + "' is one namespace's backup: with "
              + names.glob()
              + " each namespace restores its latest");
    }
  }

  /** The namespaces with a backup of this cluster matching {@code glob} (exit 7 when none). */
  public List<String> namespaces(Repository repository, String glob) {
    return RestoreFanOut.namespaces(repository, Tasks.cluster(config), glob);
  }

  /** Prints each namespace's plan, in order; writes nothing. */
  public void renderPlans(NamespaceRestorer restorer, Repository repository, List<String> names) {
    for (String namespace : names) {
      try (RestorePlan plan = restorer.plan(request(repository, namespace))) {
        plan.render(out);
      }
    }
  }

  /**
   * Restores {@code names}, {@code parallel} at a time; prints each report (or the failure that
   * stopped a namespace before its report) and tells {@code done}, then prints the summary line.
   */
  public List<RestoreFanOut.Outcome> restore(
      NamespaceRestorer restorer,
      Repository repository,
      List<String> names,
      String glob,
      int parallel,
      Consumer<RestoreFanOut.Outcome> done) {
    var outcomes =
        RestoreFanOut.run(
            names,
            parallel,
            namespace -> {
              try (RestorePlan plan = restorer.plan(request(repository, namespace))) {
                return restorer.execute(plan);
              }
            },
            outcome -> {
              print(outcome);
              done.accept(outcome);
            });
    long failed = outcomes.stream().filter(o -> o.exitCode().code() != 0).count();
    out.println(
        "restored "
            + (outcomes.size() - failed)
            + " of "
            + outcomes.size()
            + " namespaces matching '"
            + glob
            + "' completely"
            + (failed == 0 ? "" : "; " + failed + " with failures (above)"));
    return outcomes;
  }

  private RestoreRequest request(Repository repository, String namespace) {
    return NamespaceRestores.request(
        settings.withNamespace(namespace), config, repository, NamespaceRestores.limits(restore));
  }

  private void print(RestoreFanOut.Outcome outcome) {
    RestoreReport report = outcome.report();
    if (report != null) {
      out.print(report.render());
    } else {
      out.println(
          "namespace "
              + outcome.namespace()
              + ": "
              + StartupFailure.of(outcome.failure()).message()
              + " (exit "
              + outcome.exitCode().code()
              + ")");
    }
    out.flush();
  }
}
