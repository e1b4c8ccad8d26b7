package io.lifeboat.jobs.etcd;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.JobRuns;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * One etcd snapshot or delta ({@code lifeboat.etcd.backup}), on the run path the functions share:
 * {@link JobRuns#etcdBackup}.
 */
public class EtcdSnapshotApp implements QuarkusApplication {
  private final JobRuns runs;
  private final EtcdConfig etcd;

  @Inject
  public EtcdSnapshotApp(JobRuns runs, EtcdConfig etcd) {
    this.runs = runs;
    this.etcd = etcd;
  }

  @Override
  public int run(String... args) {
    return runs.etcdBackup(etcd);
  }
}
