package io.lifeboat.etcd.restore;

import java.time.Instant;
import java.util.List;

/**
 * What one {@code lifeboat etcd restore} did, stored as {@code
 * restores/etcd/<cluster>/<restore-id>.json}: the backup, the tool and the exact arguments it ran
 * with, whether the revision was bumped, every warning, and the result ({@code restored} or {@code
 * failed} with the message).
 */
public record EtcdRestoreReport(
    String restoreId,
    String backup,
    String runner,
    Instant startedAt,
    Instant completedAt,
    String tool,
    String toolVersion,
    String snapshotServerVersion,
    long snapshotSize,
    String snapshotSha256,
    String dataDir,
    String name,
    List<String> arguments,
    long bumpRevision,
    boolean markCompacted,
    List<String> warnings,
    String result,
    String message) {
  public static final String RESTORED = "restored";
  public static final String FAILED = "failed";

  public EtcdRestoreReport {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public boolean restored() {
    return RESTORED.equals(result);
  }
}
