package io.lifeboat.prune;

import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.RetentionDecision;
import io.lifeboat.retention.RetentionDecision.Ignored;
import io.lifeboat.retention.RetentionDecision.Verdict;
import io.lifeboat.text.Count;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one prune of one kind and scope would delete, and why; nothing has happened yet. {@link
 * #render()} is what {@code --dry-run} prints; {@link #keys()} is what is recorded in the lease
 * before anything is deleted.
 *
 * @param decision the retention policy's verdicts on the counted backups and the ignored entries
 * @param removals backups to delete, oldest first: their catalog entry and every object of their
 *     data folder
 * @param held backups the policy would remove that a live restore lease names: kept this time
 * @param uncounted catalog entries that do not count (invalid, unsupported, back-dated,
 *     future-dated), with the reason; invalid ones also appear in {@code garbage} or {@code
 *     spared}, the others are never deleted
 * @param garbage unreferenced objects older than the grace period, to delete
 * @param spared unreferenced objects younger than the grace period, left alone
 */
public record PrunePlan(
    Kind kind,
    Scope scope,
    Instant now,
    RetentionDecision decision,
    List<Removal> removals,
    List<Held> held,
    List<CatalogEntry> uncounted,
    List<Garbage> garbage,
    List<Garbage> spared) {

  /** One backup to remove and the data objects the listing found in its folder. */
  public record Removal(BackupRef backup, List<String> dataKeys) {
    public Removal {
      Objects.requireNonNull(backup, "backup");
      dataKeys = List.copyOf(dataKeys);
    }
  }

  /** A backup the policy would remove, kept because a live restore lease reads it. */
  public record Held(BackupId id, String lease, String holder) {}

  public PrunePlan {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(decision, "decision");
    removals = List.copyOf(removals);
    held = List.copyOf(held);
    uncounted = List.copyOf(uncounted);
    garbage = List.copyOf(garbage);
    spared = List.copyOf(spared);
  }

  /**
   * Every key this plan deletes, in the order it deletes them: all removed backups' catalog
   * entries, then their data, then garbage (data folders, claims). Incomplete uploads are not keys;
   * a later prune finds them again if this one dies.
   */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    removals.forEach(r -> keys.add(r.backup().catalogKey()));
    removals.forEach(r -> keys.addAll(r.dataKeys()));
    garbage.forEach(g -> keys.addAll(g.keys()));
    return keys;
  }

  /**
   * The keys a prune may delete when it finishes another prune's plan: its own {@link #keys()}, and
   * the data folders without a catalog entry that are younger than the grace period but were last
   * written before {@code abandonedBefore} (no backup run can still be writing them; an interrupted
   * prune leaves exactly these behind after deleting their catalog entries).
   */
  public Set<String> finishable(Instant abandonedBefore) {
    Set<String> keys = new HashSet<>(keys());
    for (Garbage item : spared) {
      if (item.type() == Garbage.Type.DATA_FOLDER && item.written().isBefore(abandonedBefore)) {
        keys.addAll(item.keys());
      }
    }
    return keys;
  }

  /** True when executing this plan would change nothing. */
  public boolean isEmpty() {
    return removals.isEmpty() && garbage.isEmpty();
  }

  /**
   * The plan as text, one line per item: {@code keep}/{@code remove} per counted backup newest
   * first with the reasons, {@code hold} for backups a restore reads, {@code ignore} for entries
   * not counted (with their status and reason), {@code delete}/{@code spare} for garbage.
   */
  public String render() {
    Map<BackupId, Held> holds = new HashMap<>();
    held.forEach(h -> holds.put(h.id(), h));
    StringBuilder text = new StringBuilder(80 * (decision.verdicts().size() + 8));
    text.append("prune ").append(kind).append(' ').append(scope).append('\n');
    text.append("policy: ").append(decision.policy().describe()).append('\n');
    text.append("now: ").append(now).append('\n');
    text.append(summary()).append('\n');
    for (Verdict verdict : decision.verdicts()) {
      Held hold = holds.get(verdict.id());
      if (verdict.keep()) {
        text.append("keep    ").append(verdict.id()).append("  ");
        text.append(String.join(", ", verdict.reasons()));
      } else if (hold != null) {
        text.append("hold    ").append(verdict.id()).append("  read by restore lease ");
        text.append(hold.lease()).append(" (").append(hold.holder()).append(')');
      } else {
        text.append("remove  ").append(verdict.id()).append("  kept by no rule");
      }
      text.append('\n');
    }
    for (Ignored entry : decision.ignored()) {
      text.append("ignore  ").append(entry.id()).append("  ").append(entry.reason()).append('\n');
    }
    for (CatalogEntry entry : uncounted) {
      text.append("ignore  ").append(entry.ref().id()).append("  ").append(entry.status().text());
      text.append(": ").append(entry.reason()).append('\n');
    }
    garbage.forEach(g -> line(text, "delete  ", g));
    spared.forEach(g -> line(text, "spare   ", g));
    return text.toString();
  }

  /** One line of counts, e.g. {@code 30 backups: 24 kept, 5 removed, 1 held, 0 ignored; ...}. */
  public String summary() {
    return Count.of(decision.verdicts().size(), "backup")
        + ": "
        + decision.kept().size()
        + " kept, "
        + removals.size()
        + " removed, "
        + held.size()
        + " held by restores, "
        + (decision.ignored().size() + uncounted.size())
        + " not counted (invalid or misdated); garbage: "
        + garbage.size()
        + " to delete, "
        + spared.size()
        + " spared (younger than the grace period)";
  }

  private static void line(StringBuilder text, String verb, Garbage item) {
    text.append(verb).append(item.name()).append("  ").append(item.reason()).append('\n');
  }
}
