package io.lifeboat.jobs.export;

import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.JobRuns;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * Exports the selected namespaces (this pod's shard of them in an Indexed Job), on the run path the
 * functions share: {@link JobRuns#namespaceExport}.
 */
public class NamespaceExportApp implements QuarkusApplication {
  private final JobRuns runs;
  private final ExportConfig export;

  @Inject
  public NamespaceExportApp(JobRuns runs, ExportConfig export) {
    this.runs = runs;
    this.export = export;
  }

  @Override
  public int run(String... args) {
    return runs.namespaceExport(export);
  }
}
