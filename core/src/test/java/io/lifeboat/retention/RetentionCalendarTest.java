package io.lifeboat.retention;

import static io.lifeboat.retention.Histories.backups;
import static io.lifeboat.retention.Histories.every;
import static io.lifeboat.retention.Histories.keptTimes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Buckets follow the wall clock of the policy's zone, across DST, year and ISO-week boundaries. */
class RetentionCalendarTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2027-01-10T00:00:00Z");

  static List<String> reasons(RetentionDecision decision) {
    return decision.verdicts().stream()
        .filter(RetentionDecision.Verdict::keep)
        .map(verdict -> String.join(", ", verdict.reasons()))
        .toList();
  }

  @Test
  void skipsTheMissingHourWhenBerlinSwitchesToSummerTime() {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00 UTC, so local hour 02 never happens.
    List<Candidate> night = every(Duration.ofMinutes(30), "2026-03-28T23:00:00Z", 8);
    RetentionPolicy policy = RetentionPolicy.newestOnly().withKeepHourly(4).withZone(BERLIN);

    RetentionDecision decision = policy.decide(night, NOW);

    assertThat(keptTimes(decision))
        .containsExactly(
            "2026-03-29T02:30:00Z", "2026-03-29T01:30:00Z",
            "2026-03-29T00:30:00Z", "2026-03-28T23:30:00Z");
    assertThat(reasons(decision))
        .containsExactly(
            "newest complete backup, hourly 2026-03-29T04",
            "hourly 2026-03-29T03",
            "hourly 2026-03-29T01",
            "hourly 2026-03-29T00");
  }

  @Test
  void treatsTheRepeatedHourAsOneBucketWhenBerlinLeavesSummerTime() {
    // 2026-10-25: 03:00 CEST falls back to 02:00 CET at 01:00 UTC, so local hour 02 happens twice.
    List<Candidate> night = every(Duration.ofMinutes(30), "2026-10-24T23:00:00Z", 8);
    RetentionPolicy policy = RetentionPolicy.newestOnly().withKeepHourly(3).withZone(BERLIN);

    RetentionDecision decision = policy.decide(night, NOW);

    assertThat(keptTimes(decision))
        .containsExactly("2026-10-25T02:30:00Z", "2026-10-25T01:30:00Z", "2026-10-24T23:30:00Z");
    assertThat(reasons(decision))
        .containsExactly(
            "newest complete backup, hourly 2026-10-25T03",
            "hourly 2026-10-25T02",
            "hourly 2026-10-25T01");
  }

  @Test
  void countsEveryUtcHourSeparatelyOnTheSameNightInUtc() {
    List<Candidate> night = every(Duration.ofMinutes(30), "2026-10-24T23:00:00Z", 8);

    RetentionDecision decision = RetentionPolicy.newestOnly().withKeepHourly(3).decide(night, NOW);

    assertThat(keptTimes(decision))
        .containsExactly("2026-10-25T02:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T00:30:00Z");
  }

  @Test
  void putsLateUtcBackupsInTheNextLocalDay() {
    List<Candidate> history = backups("2026-11-25T23:30:00Z", "2026-11-25T12:00:00Z");
    RetentionPolicy daily = RetentionPolicy.newestOnly().withKeepDaily(2);

    assertThat(reasons(daily.decide(history, NOW)))
        .containsExactly("newest complete backup, daily 2026-11-25", "oldest daily 2026-11-25");
    assertThat(reasons(daily.withZone(BERLIN).decide(history, NOW)))
        .containsExactly("newest complete backup, daily 2026-11-26", "daily 2026-11-25");
  }

  @Test
  void countsIsoWeek53AcrossTheYearBoundary() {
    List<Candidate> history =
        backups(
            "2027-01-04T12:00:00Z", // Mon, 2027-W01
            "2027-01-03T12:00:00Z", // Sun, 2026-W53
            "2027-01-01T12:00:00Z", // Fri, 2026-W53
            "2026-12-31T12:00:00Z", // Thu, 2026-W53
            "2026-12-28T12:00:00Z", // Mon, 2026-W53
            "2026-12-27T12:00:00Z", // Sun, 2026-W52
            "2026-12-21T12:00:00Z"); // Mon, 2026-W52

    RetentionDecision decision =
        RetentionPolicy.newestOnly().withKeepWeekly(3).decide(history, NOW);

    assertThat(reasons(decision))
        .containsExactly(
            "newest complete backup, weekly 2027-W01", "weekly 2026-W53", "weekly 2026-W52");
    assertThat(keptTimes(decision))
        .containsExactly("2027-01-04T12:00:00Z", "2027-01-03T12:00:00Z", "2026-12-27T12:00:00Z");
  }

  @Test
  void movesAYearBoundaryWithTheZone() {
    List<Candidate> history =
        backups("2027-01-01T00:30:00Z", "2026-12-31T23:30:00Z", "2026-06-01T00:00:00Z");
    RetentionPolicy yearly = RetentionPolicy.newestOnly().withKeepYearly(2);

    assertThat(keptTimes(yearly.decide(history, NOW)))
        .containsExactly("2027-01-01T00:30:00Z", "2026-12-31T23:30:00Z");
    assertThat(keptTimes(yearly.withZone(BERLIN).decide(history, NOW)))
        .containsExactly("2027-01-01T00:30:00Z", "2026-06-01T00:00:00Z");
  }

  @ParameterizedTest(name = "{0} is in ISO week {1}")
  @CsvSource({
    "2026-12-31, 202653",
    "2027-01-01, 202653",
    "2027-01-03, 202653",
    "2027-01-04, 202701",
    "2025-12-29, 202601",
    "2024-12-30, 202501",
    "2021-01-03, 202053",
    "2026-11-25, 202648"
  })
  void computesIsoWeeksLikeGo(LocalDate date, long week) {
    assertThat(CalendarKeys.isoWeek(date)).isEqualTo(week);
  }

  @Test
  void agreesWithJavaIsoFieldsOnEveryDayOfTwoDecades() {
    for (LocalDate day = LocalDate.of(2015, 1, 1); day.getYear() < 2035; day = day.plusDays(1)) {
      long expected =
          day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      assertThat(CalendarKeys.isoWeek(day)).as("%s", day).isEqualTo(expected);
    }
  }
}
