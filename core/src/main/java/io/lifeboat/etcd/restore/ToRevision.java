package io.lifeboat.etcd.restore;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Duration;

/**
 * A point-in-time restore's target: the etcd revision to restore, the PATH where the {@code etcd}
 * server binary for the throwaway replay is found (or {@code etcdBinary}, when named), and how long
 * it may take to start.
 */
public record ToRevision(
    long revision, String etcdPath, java.nio.file.Path etcdBinary, Duration startTimeout) {

  public ToRevision(long revision, String etcdPath, Duration startTimeout) {
    this(revision, etcdPath, null, startTimeout);
  }

  public ToRevision {
    if (revision < 1) {
      throw new InvalidConfigurationException("--to-revision must be >= 1, was " + revision);
    }
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      startTimeout = Duration.ofMinutes(2);
    }
    if (etcdBinary != null && !java.nio.file.Files.isExecutable(etcdBinary)) {
      throw new InvalidConfigurationException(
          "--etcd-binary must be an executable etcd server, was '" + etcdBinary + "'");
    }
  }
}
