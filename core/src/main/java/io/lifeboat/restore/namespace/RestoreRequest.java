package io.lifeboat.restore.namespace;

import io.lifeboat.codec.Decoding;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.repository.Kind;
import java.util.Objects;

/**
 * One namespace restore: which backup, into which cluster (its name scopes the restore lease and
 * report), how to decode the payload, and how to run.
 *
 * @param targetCluster the cluster restored into; the backup's own cluster when null
 * @param runner who runs (pod or host name), recorded in the lease
 * @param limits what the archive may hold at most ({@link RestoreLimits#defaults()} when null)
 */
public record RestoreRequest(
    BackupRef backup,
    ClusterName targetCluster,
    Decoding decoding,
    RestoreOptions options,
    String runner,
    RestoreLimits limits) {

  public RestoreRequest(
      BackupRef backup,
      ClusterName targetCluster,
      Decoding decoding,
      RestoreOptions options,
      String runner) {
    this(backup, targetCluster, decoding, options, runner, null);
  }

  public RestoreRequest {
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(decoding, "decoding");
    if (backup.kind() != Kind.NAMESPACE) {
      throw new InvalidConfigurationException(
          "a namespace restore needs a namespace backup, was '" + backup + "'");
    }
    targetCluster = targetCluster == null ? backup.scope().cluster() : targetCluster;
    options = options == null ? RestoreOptions.defaults() : options;
    runner = runner == null ? "lifeboat" : runner;
    limits = limits == null ? RestoreLimits.defaults() : limits;
  }
}
