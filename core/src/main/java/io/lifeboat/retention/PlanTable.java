package io.lifeboat.retention;

import io.lifeboat.retention.RetentionDecision.Ignored;
import io.lifeboat.retention.RetentionDecision.Verdict;

/**
 * Renders a decision as a plan: a header (policy, now, counts), one line per counted backup, newest
 * first ({@code keep} or {@code remove}, id, reasons), then the ignored entries. The text is stable
 * (golden files depend on it): change it only together with those files.
 */
final class PlanTable {
  private PlanTable() {}

  static String render(RetentionDecision decision) {
    int kept = (int) decision.verdicts().stream().filter(Verdict::keep).count();
    StringBuilder text = new StringBuilder(64 * (decision.verdicts().size() + 8));
    text.append("policy: ").append(decision.policy().describe()).append('\n');
    text.append("now: ").append(decision.now()).append('\n');
    text.append("backups: ").append(decision.verdicts().size()).append(" counted, ");
    text.append(kept).append(" kept, ").append(decision.verdicts().size() - kept);
    text.append(" removed, ").append(decision.ignored().size()).append(" ignored\n");
    for (Verdict verdict : decision.verdicts()) {
      text.append(verdict.keep() ? "keep    " : "remove  ").append(verdict.id());
      if (verdict.keep()) {
        text.append("  ").append(String.join(", ", verdict.reasons()));
      }
      text.append('\n');
    }
    for (Ignored entry : decision.ignored()) {
      text.append("ignore  ").append(entry.id()).append("  ").append(entry.reason()).append('\n');
    }
    return text.toString();
  }
}
