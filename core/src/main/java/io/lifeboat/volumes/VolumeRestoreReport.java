package io.lifeboat.volumes;

import io.lifeboat.error.ExitCode;
import io.lifeboat.text.Count;
import java.util.List;

/**
 * What a volumes restore did, per PVC; stored as {@code restores/volumes/<scope>/<id>.json} when
 * the restore ran through the repository. Exit 3 when any PVC failed.
 */
public record VolumeRestoreReport(
    String restoreId, String backup, String targetNamespace, List<Result> volumes) {
  public VolumeRestoreReport {
    volumes = List.copyOf(volumes);
  }

  public enum Status {
    /** Content, snapshot and PVC were created (or found from an earlier try of this restore). */
    CREATED,
    /** A PVC of that name already exists in the target namespace: left alone. */
    EXISTS,
    FAILED
  }

  /** One PVC: its status, the objects made for it, and why when it did not work. */
  public record Result(
      String pvc,
      Status status,
      String volumeSnapshotContent,
      String volumeSnapshot,
      String detail) {}

  public ExitCode exitCode() {
    return volumes.stream().anyMatch(v -> v.status() == Status.FAILED)
        ? ExitCode.PARTIAL
        : ExitCode.OK;
  }

  public String summary() {
    long created = volumes.stream().filter(v -> v.status() == Status.CREATED).count();
    long exists = volumes.stream().filter(v -> v.status() == Status.EXISTS).count();
    long failed = volumes.stream().filter(v -> v.status() == Status.FAILED).count();
    return "volumes restore "
        + restoreId
        + " of "
        + backup
        + " into "
        + targetNamespace
        + ": "
        + Count.of(created, "PVC")
        + " created, "
        + exists
        + " already existed, "
        + failed
        + " failed";
  }
}
