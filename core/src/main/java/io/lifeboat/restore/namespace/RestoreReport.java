package io.lifeboat.restore.namespace;

import io.lifeboat.error.ExitCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What one restore did, object by object, stored under {@code restores/namespace/<target
 * scope>/<restore-id>.json} and printed. Any failed object makes the restore partial (exit 3).
 */
public record RestoreReport(
    String restoreId,
    String backup,
    String target,
    String existingPolicy,
    Instant startedAt,
    Instant completedAt,
    List<ObjectResult> results) {

  public RestoreReport {
    results = List.copyOf(results);
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
    return count(Outcome.FAILED) > 0 ? ExitCode.PARTIAL : ExitCode.OK;
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
    return text.append(summary()).append('\n').toString();
  }

  public String summary() {
    long millis = Duration.between(startedAt, completedAt).toMillis();
    return String.format(
        Locale.ROOT,
        "namespace restore %s of %s into %s: %d created, %d updated, %d skipped, %d failed in %d ms",
        restoreId,
        backup,
        target,
        count(Outcome.CREATED),
        count(Outcome.UPDATED),
        count(Outcome.SKIPPED),
        count(Outcome.FAILED),
        millis);
  }
}
