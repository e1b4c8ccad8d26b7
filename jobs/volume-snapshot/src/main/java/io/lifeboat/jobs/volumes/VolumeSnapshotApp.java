package io.lifeboat.jobs.volumes;

import io.lifeboat.app.JobRuns;
import io.lifeboat.app.VolumesConfig;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/** One volumes backup, on the run path the functions share: {@link JobRuns#volumeSnapshot}. */
public class VolumeSnapshotApp implements QuarkusApplication {
  private final JobRuns runs;
  private final VolumesConfig volumes;

  @Inject
  public VolumeSnapshotApp(JobRuns runs, VolumesConfig volumes) {
    this.runs = runs;
    this.volumes = volumes;
  }

  @Override
  public int run(String... args) {
    return runs.volumeSnapshot(volumes);
  }
}
