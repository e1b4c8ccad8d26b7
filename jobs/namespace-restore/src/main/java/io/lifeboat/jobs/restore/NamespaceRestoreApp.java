package io.lifeboat.jobs.restore;

import io.lifeboat.app.JobRuns;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * One namespace restore, or every namespace matching {@code lifeboat.restore.namespaces} (or their
 * plans, in a dry run), on the run path the functions share: {@link JobRuns#namespaceRestore}.
 */
public class NamespaceRestoreApp implements QuarkusApplication {
  private final JobRuns runs;
  private final NamespaceRestoreConfig restore;

  @Inject
  public NamespaceRestoreApp(JobRuns runs, NamespaceRestoreConfig restore) {
    this.runs = runs;
    this.restore = restore;
  }

  @Override
  public int run(String... args) {
    return runs.namespaceRestore(restore);
  }
}
