package io.lifeboat.retention;

import io.lifeboat.repository.BackupId;
import io.lifeboat.retention.RetentionDecision.Ignored;
import io.lifeboat.retention.RetentionDecision.Verdict;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One evaluation of a policy, following restic's {@code ApplyPolicy}: walk the valid backups newest
 * first; each counted rule keeps a backup whose bucket differs from the last bucket it kept (or the
 * oldest backup, while the rule has budget left) and spends one from its counter.
 */
final class PolicyWalk {
  static final String NEWEST = "newest complete backup";
  static final String DATA_MISSING = "data missing";

  private static final Comparator<BackupId> NEWEST_FIRST =
      Comparator.comparing(BackupId::time).thenComparing(BackupId::suffix).reversed();
  private static final Rule[] RULES = Rule.values();

  private final RetentionPolicy policy;
  private final Instant now;
  private final Instant latestAllowed;
  private final ZoneRules zoneRules;
  private final int[] budget = new int[RULES.length];
  private final long[] lastKey = new long[RULES.length];

  PolicyWalk(RetentionPolicy policy, Instant now) {
    this.policy = policy;
    this.now = now;
    this.latestAllowed = now.plus(policy.clockSkew());
    this.zoneRules = policy.zone().getRules();
    for (Rule rule : RULES) {
      budget[rule.ordinal()] = policy.limit(rule);
      lastKey[rule.ordinal()] = Long.MIN_VALUE;
    }
  }

  RetentionDecision decide(List<Candidate> backups) {
    List<Candidate> sorted = new ArrayList<>(backups);
    sorted.sort(Comparator.comparing(Candidate::id, NEWEST_FIRST));
    List<BackupId> valid = new ArrayList<>(sorted.size());
    List<Ignored> ignored = new ArrayList<>();
    BackupId previous = null;
    for (Candidate candidate : sorted) {
      if (candidate.id().equals(previous)) {
        throw new IllegalArgumentException("backup " + previous + " is listed twice");
      }
      previous = candidate.id();
      String reason = ignoreReason(candidate);
      if (reason == null) {
        valid.add(candidate.id());
      } else {
        ignored.add(new Ignored(candidate.id(), reason));
      }
    }
    return new RetentionDecision(policy, now, walk(valid), ignored);
  }

  private String ignoreReason(Candidate candidate) {
    Instant time = candidate.id().time();
    if (time.isAfter(latestAllowed)) {
      return "dated in the future: "
          + time
          + " is more than "
          + DurationText.of(policy.clockSkew())
          + " after now ("
          + now
          + ")";
    }
    return candidate.dataPresent() ? null : DATA_MISSING;
  }

  private List<Verdict> walk(List<BackupId> newestFirst) {
    List<Verdict> verdicts = new ArrayList<>(newestFirst.size());
    if (newestFirst.isEmpty()) {
      return verdicts;
    }
    // restic measures keep-within back from the newest backup, not from now.
    Instant withinAfter = newestFirst.get(0).time().minus(policy.keepWithin());
    for (int position = 0; position < newestFirst.size(); position++) {
      BackupId id = newestFirst.get(position);
      List<String> reasons = new ArrayList<>(2);
      if (position == 0) {
        reasons.add(NEWEST);
      }
      if (!policy.keepWithin().isZero() && id.time().isAfter(withinAfter)) {
        reasons.add("within " + DurationText.of(policy.keepWithin()));
      }
      applyCountedRules(id, position, position == newestFirst.size() - 1, reasons);
      verdicts.add(new Verdict(id, !reasons.isEmpty(), List.copyOf(reasons)));
    }
    return verdicts;
  }

  private void applyCountedRules(BackupId id, int position, boolean oldest, List<String> reasons) {
    CalendarKeys keys = null;
    for (Rule rule : RULES) {
      int i = rule.ordinal();
      if (budget[i] == 0) {
        continue;
      }
      keys = keys == null ? CalendarKeys.of(id.time(), zoneRules) : keys;
      long key = rule.key(keys, position);
      // Like restic, the oldest backup is kept while the rule has budget, even in a kept bucket.
      if (key != lastKey[i] || oldest) {
        String reason = rule.reason(key, policy.limit(rule));
        reasons.add(key == lastKey[i] ? "oldest " + reason : reason);
        lastKey[i] = key;
        budget[i]--;
      }
    }
  }
}
