package io.lifeboat.jobs.prune;

import io.lifeboat.app.JobRuns;
import io.lifeboat.app.PruneConfig;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * One prune of every configured kind and scope, on the run path the functions share: {@link
 * JobRuns#prune}.
 */
public class PruneApp implements QuarkusApplication {
  private final JobRuns runs;
  private final PruneConfig prune;

  @Inject
  public PruneApp(JobRuns runs, PruneConfig prune) {
    this.runs = runs;
    this.prune = prune;
  }

  @Override
  public int run(String... args) {
    return runs.prune(prune);
  }
}
