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

  /** A builder for restore {@code restoreId} of {@code backup} ({@code <scope>/<id>}). */
  public static Builder builder(String restoreId, String backup) {
    return new Builder(restoreId, backup);
  }

  /** The report's parts, set in the groups the restore learns them in. */
  public static final class Builder {
    private final String restoreId;
    private final String backup;
    private String runner;
    private Instant startedAt;
    private Instant completedAt;
    private String tool;
    private String toolVersion;
    private String snapshotServerVersion;
    private long snapshotSize;
    private String snapshotSha256;
    private String dataDir;
    private String name;
    private List<String> arguments;
    private long bumpRevision;
    private List<String> warnings;
    private String result;
    private String message;

    private Builder(String restoreId, String backup) {
      this.restoreId = restoreId;
      this.backup = backup;
    }

    /** Who ran it, when it started and when it ended. */
    public Builder run(String runner, Instant started, Instant completed) {
      this.runner = runner;
      this.startedAt = started;
      this.completedAt = completed;
      return this;
    }

    /** The restore tool ({@code etcdutl}) and its version. */
    public Builder tool(String name, String version) {
      this.tool = name;
      this.toolVersion = version;
      return this;
    }

    /** The snapshot restored: the etcd version that wrote it, its size and SHA-256 (downloaded). */
    public Builder snapshot(String serverVersion, long size, String sha256) {
      this.snapshotServerVersion = serverVersion;
      this.snapshotSize = size;
      this.snapshotSha256 = sha256;
      return this;
    }

    /** The member restored: its data dir, name, and the tool's exact arguments. */
    public Builder member(String dataDir, String name, List<String> arguments) {
      this.dataDir = dataDir;
      this.name = name;
      this.arguments = arguments;
      return this;
    }

    /** The revision bump; a bump also marks the restored revisions compacted. */
    public Builder bumpRevision(long value) {
      this.bumpRevision = value;
      return this;
    }

    public Builder warnings(List<String> value) {
      this.warnings = value;
      return this;
    }

    /** {@link #RESTORED} or {@link #FAILED}, and the failure's message (null when restored). */
    public Builder result(String value, String failure) {
      this.result = value;
      this.message = failure;
      return this;
    }

    public EtcdRestoreReport build() {
      return new EtcdRestoreReport(
          restoreId,
          backup,
          runner,
          startedAt,
          completedAt,
          tool,
          toolVersion,
          snapshotServerVersion,
          snapshotSize,
          snapshotSha256,
          dataDir,
          name,
          arguments,
          bumpRevision,
          bumpRevision > 0,
          warnings,
          result,
          message);
    }
  }
}
