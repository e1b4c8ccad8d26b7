package io.lifeboat.retention;

import io.lifeboat.repository.BackupId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Backup histories for retention tests, written as UTC instants. */
final class Histories {
  private Histories() {}

  static BackupId id(String utc) {
    return new BackupId(Instant.parse(utc), "0000");
  }

  static Candidate backup(String utc) {
    return Candidate.complete(id(utc));
  }

  static Candidate withoutData(String utc) {
    return new Candidate(new BackupId(Instant.parse(utc), "dead"), false);
  }

  static List<Candidate> backups(String... utc) {
    return Arrays.stream(utc).map(Histories::backup).toList();
  }

  /** {@code count} backups, {@code step} apart, the first at {@code first}. */
  static List<Candidate> every(Duration step, String first, int count) {
    Instant start = Instant.parse(first);
    List<Candidate> backups = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      backups.add(Candidate.complete(new BackupId(start.plus(step.multipliedBy(i)), "0000")));
    }
    return backups;
  }

  static List<String> keptTimes(RetentionDecision decision) {
    return decision.kept().stream().map(id -> id.time().toString()).toList();
  }

  static List<String> reasonsOf(RetentionDecision decision, String utc) {
    return decision.verdicts().stream()
        .filter(verdict -> verdict.id().time().equals(Instant.parse(utc)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no verdict for " + utc))
        .reasons();
  }
}
