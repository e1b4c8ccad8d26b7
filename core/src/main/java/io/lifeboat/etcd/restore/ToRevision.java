package io.lifeboat.etcd.restore;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Duration;

/**
 * A point-in-time restore's target: the etcd revision to restore, the PATH where the {@code etcd}
 * server binary for the throwaway replay is found, and how long it may take to start.
 */
public record ToRevision(long revision, String etcdPath, Duration startTimeout) {
  public ToRevision {
    if (revision < 1) {
      throw new InvalidConfigurationException("--to-revision must be >= 1, was " + revision);
    }
    if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
      startTimeout = Duration.ofMinutes(2);
    }
  }
}
