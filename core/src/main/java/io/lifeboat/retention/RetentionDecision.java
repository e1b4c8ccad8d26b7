package io.lifeboat.retention;

import io.lifeboat.repository.BackupId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link RetentionPolicy#decide}: a verdict for every counted backup, newest first,
 * and apart from them the entries the policy refused to count. Ignored entries are neither kept nor
 * removed here; prune decides what to do with them.
 *
 * @param policy the policy that decided
 * @param now the instant the decision was made for
 * @param verdicts one per counted backup, newest first; the first is always kept
 * @param ignored entries dated in the future beyond the clock skew, or whose data is missing
 */
public record RetentionDecision(
    RetentionPolicy policy, Instant now, List<Verdict> verdicts, List<Ignored> ignored) {

  public RetentionDecision {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    verdicts = List.copyOf(verdicts);
    ignored = List.copyOf(ignored);
  }

  /**
   * Keep or remove one backup.
   *
   * @param reasons why it is kept, e.g. {@code newest complete backup}, {@code last 2 of 3}, {@code
   *     daily 2026-11-25}, {@code oldest weekly 2026-W40}; empty when it is removed
   */
  public record Verdict(BackupId id, boolean keep, List<String> reasons) {
    public Verdict {
      Objects.requireNonNull(id, "id");
      reasons = List.copyOf(reasons);
    }
  }

  /** An entry not counted, e.g. {@code data missing}, {@code dated in the future: ...}. */
  public record Ignored(BackupId id, String reason) {
    public Ignored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Ids kept, newest first. */
  public List<BackupId> kept() {
    return verdicts.stream().filter(Verdict::keep).map(Verdict::id).toList();
  }

  /** Ids to remove, newest first. Never contains the newest counted backup. */
  public List<BackupId> removed() {
    return verdicts.stream().filter(v -> !v.keep()).map(Verdict::id).toList();
  }

  /** The stable, human-readable plan printed by {@code --dry-run}; see {@link PlanTable}. */
  public String render() {
    return PlanTable.render(this);
  }
}
