package io.lifeboat.restore.namespace;

import io.lifeboat.error.ExitCode;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.kube.Glob;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The restore of many namespaces ({@code --namespaces 'team-*'}): one namespace per worker, at most
 * {@code parallel} at a time, each its own plan, lease and report. One namespace failing (a refused
 * object, an unreadable backup) never stops the others; the caller gets every outcome.
 */
public final class RestoreFanOut {
  private RestoreFanOut() {}

  /** One namespace's restore: its report, or the failure that stopped it before one was made. */
  public record Outcome(String namespace, RestoreReport report, RuntimeException failure) {
    public Outcome {
      Objects.requireNonNull(namespace, "namespace");
      if ((report == null) == (failure == null)) {
        throw new IllegalArgumentException("an outcome has a report or a failure, not both");
      }
    }

    public ExitCode exitCode() {
      return report != null ? report.exitCode() : ExitCode.of(failure);
    }
  }

  /**
   * The namespaces of {@code cluster} with a namespace backup in the repository whose name {@code
   * glob} matches, sorted; judged from the catalog listing (each restore validates its own backup).
   */
  public static List<String> namespaces(Repository repository, ClusterName cluster, String glob) {
    TreeSet<String> names = new TreeSet<>();
    for (CatalogEntry entry : repository.catalog().list(Kind.NAMESPACE, null).entries()) {
      var scope = entry.ref().scope();
      if (scope.cluster().equals(cluster) && Glob.matches(glob, scope.namespace())) {
        names.add(scope.namespace());
      }
    }
    if (names.isEmpty()) {
      throw new io.lifeboat.error.NotFoundException(
          "--namespaces '"
              + glob
              + "' matches no namespace backup of cluster "
              + cluster
              + " in "
              + repository.store().location());
    }
    return List.copyOf(names);
  }

  /**
   * Restores each of {@code namespaces} with {@code restore}, {@code parallel} at a time; {@code
   * done} hears each outcome as it finishes (from the worker's thread, one at a time). Outcomes
   * come back in the order of {@code namespaces}.
   */
  public static List<Outcome> run(
      List<String> namespaces,
      int parallel,
      Function<String, RestoreReport> restore,
      Consumer<Outcome> done) {
    if (parallel < 1) {
      throw new InvalidConfigurationException("--parallel must be >= 1, was " + parallel);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, namespaces.size()));
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (String namespace : namespaces) {
        futures.add(pool.submit(() -> reported(one(namespace, restore), done)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restoring namespaces", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a namespace restore worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome one(String namespace, Function<String, RestoreReport> restore) {
    try {
      return new Outcome(namespace, restore.apply(namespace), null);
    } catch (RuntimeException e) {
      return new Outcome(namespace, null, e);
    }
  }

  private static Outcome reported(Outcome outcome, Consumer<Outcome> done) {
    synchronized (RestoreFanOut.class) {
      done.accept(outcome);
    }
    return outcome;
  }

  /**
   * 0 when every namespace restored completely; the common code when all failed the same way (e.g.
   * 4: the API server is down); otherwise 3 (partial: some namespaces or objects failed).
   */
  public static ExitCode exitCode(List<Outcome> outcomes) {
    if (outcomes.stream().allMatch(o -> o.exitCode() == ExitCode.OK)) {
      return ExitCode.OK;
    }
    var codes = outcomes.stream().map(Outcome::exitCode).distinct().toList();
    return codes.size() == 1 && outcomes.stream().allMatch(o -> o.failure() != null)
        ? codes.get(0)
        : ExitCode.PARTIAL;
  }
}
