package io.lifeboat.retention;

import static io.lifeboat.retention.Histories.every;
import static io.lifeboat.retention.Histories.keptTimes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sparse and dense histories: buckets without backups cost nothing, full buckets keep one. */
class RetentionHistoryShapesTest {
  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  /** Every third Wednesday from 2026-01-07 to 2026-11-18: one backup per week that has any. */
  static final List<Candidate> SPARSE = every(Duration.ofDays(21), "2026-01-07T03:00:00Z", 16);

  @Test
  void spendsNoWeeklyBudgetOnWeeksWithoutBackups() {
    RetentionDecision decision = RetentionPolicy.newestOnly().withKeepWeekly(4).decide(SPARSE, NOW);

    // 2026-W47, W44, W41, W38: nine calendar weeks back, not four.
    assertThat(keptTimes(decision))
        .containsExactly(
            "2026-11-18T03:00:00Z",
            "2026-10-28T03:00:00Z",
            "2026-10-07T03:00:00Z",
            "2026-09-16T03:00:00Z");
  }

  @Test
  void keepsTheNewestBackupOfEachMonthThatHasBackups() {
    RetentionDecision decision =
        RetentionPolicy.newestOnly().withKeepMonthly(5).decide(SPARSE, NOW);

    // October and August have two backups each; their earlier ones (10-07, 08-05) go.
    assertThat(keptTimes(decision))
        .containsExactly(
            "2026-11-18T03:00:00Z",
            "2026-10-28T03:00:00Z",
            "2026-09-16T03:00:00Z",
            "2026-08-26T03:00:00Z",
            "2026-07-15T03:00:00Z");
  }

  @Test
  void keepsExactCountsFromSixtyDaysOfBackupsEveryMinute() {
    // 2026-01-01T00:00Z .. 2026-03-01T23:59Z; 2026-03-01 is a Sunday, the end of 2026-W09.
    List<Candidate> dense = every(Duration.ofMinutes(1), "2026-01-01T00:00:00Z", 1_440 * 60);
    RetentionPolicy policy =
        RetentionPolicy.newestOnly()
            .withKeepHourly(24)
            .withKeepDaily(7)
            .withKeepWeekly(4)
            .withKeepMonthly(2);

    RetentionDecision decision = policy.decide(dense, NOW);

    // 24 hours of 2026-03-01, plus 2026-02-28..02-23 (6 days), plus the Sundays 02-22, 02-15,
    // 02-08 (3 weeks); February's newest is 02-28 23:59, already kept as a daily.
    assertThat(decision.kept()).hasSize(24 + 6 + 3);
    assertThat(decision.removed()).hasSize(1_440 * 60 - 33);
    assertThat(keptTimes(decision))
        .startsWith("2026-03-01T23:59:00Z", "2026-03-01T22:59:00Z")
        .contains("2026-03-01T00:59:00Z", "2026-02-23T23:59:00Z", "2026-02-08T23:59:00Z")
        .endsWith("2026-02-08T23:59:00Z");
    assertThat(count(decision, "hourly ")).isEqualTo(24);
    assertThat(count(decision, "daily ")).isEqualTo(7);
    assertThat(count(decision, "weekly ")).isEqualTo(4);
    assertThat(count(decision, "monthly ")).isEqualTo(2);
  }

  private static long count(RetentionDecision decision, String prefix) {
    return decision.verdicts().stream()
        .flatMap(verdict -> verdict.reasons().stream())
        .filter(reason -> reason.startsWith(prefix))
        .count();
  }
}
