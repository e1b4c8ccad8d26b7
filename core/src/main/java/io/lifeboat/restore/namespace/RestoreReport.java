package io.lifeboat.restore.namespace;

import io.lifeboat.error.ExitCode;
import io.lifeboat.volumes.VolumeRestoreReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What one restore did, object by object, stored under {@code restores/namespace/<target
 * scope>/<restore-id>.json} and printed. Any failed object, or PVC the volumes backup could not
 * restore, makes the restore partial (exit 3).
 *
 * @param volumes where the PVCs came from (null in reports written before volumes restores)
 */
public record RestoreReport(
    String restoreId,
    String backup,
    String target,
    String existingPolicy,
    Instant startedAt,
    Instant completedAt,
    List<ObjectResult> results,
    Volumes volumes) {

  public RestoreReport {
    results = List.copyOf(results);
  }

  /**
   * The volumes part: the choice in words, the volumes backup chosen ({@code prod/shop/<id>}, null
   * when the PVCs came from the archive) and what the volume restorer did per PVC. A claim it
   * created (or found) is not created again from the archive; one it failed is, and is listed here.
   */
  public record Volumes(String decision, String backup, List<VolumeRestoreReport.Result> results) {
    public Volumes {
      results = results == null ? List.of() : List.copyOf(results);
    }

    public long count(VolumeRestoreReport.Status status) {
      return results.stream().filter(r -> r.status() == status).count();
    }
  }

  public enum Outcome {
    CREATED,
    UPDATED,
    SKIPPED,
    FAILED
  }

  /**
   * @param namespace the namespace written to; null for cluster-scoped objects
   * @param reason the API's answer for failures, why for skips, what happened for updates
   */
  public record ObjectResult(
      String type, String namespace, String name, Outcome outcome, String reason) {
    public String describe() {
      return type + " " + (namespace == null ? name : namespace + "/" + name);
    }
  }

  public long count(Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  public List<ObjectResult> failures() {
    return results.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
  }

  public ExitCode exitCode() {
    boolean volumeFailed = volumes != null && volumes.count(VolumeRestoreReport.Status.FAILED) > 0;
    return count(Outcome.FAILED) > 0 || volumeFailed ? ExitCode.PARTIAL : ExitCode.OK;
  }

  /** One line per object, then the summary line. */
  public String render() {
    StringBuilder text = new StringBuilder();
    for (ObjectResult r : results) {
      text.append(
          String.format(
              Locale.ROOT, "%-8s %s", r.outcome().name().toLowerCase(Locale.ROOT), r.describe()));
      text.append(r.reason() == null ? "" : " (" + r.reason() + ")").append('\n');
    }
    if (volumes != null) {
      text.append("volumes: ").append(volumes.decision()).append('\n');
      for (VolumeRestoreReport.Result v : volumes.results()) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-8s pvc %s%s%n",
                v.status().name().toLowerCase(Locale.ROOT),
                v.pvc(),
                v.detail() == null ? "" : " (" + v.detail() + ")"));
      }
    }
    return text.append(summary()).append('\n').toString();
  }

  public String summary() {
    long millis = Duration.between(startedAt, completedAt).toMillis();
    String pvcs =
        volumes == null || volumes.backup() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; volumes from %s: %s created from snapshots, %d existed, %d failed",
                volumes.backup(),
                io.lifeboat.text.Count.of(volumes.count(VolumeRestoreReport.Status.CREATED), "PVC"),
                volumes.count(VolumeRestoreReport.Status.EXISTS),
                volumes.count(VolumeRestoreReport.Status.FAILED));
    return String.format(
        Locale.ROOT,
        "namespace restore %s of %s into %s: %d created, %d updated, %d skipped, %d failed in %d ms%s",
        restoreId,
        backup,
        target,
        count(Outcome.CREATED),
        count(Outcome.UPDATED),
        count(Outcome.SKIPPED),
        count(Outcome.FAILED),
        millis,
        pvcs);
  }
}
