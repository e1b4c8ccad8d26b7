package io.lifeboat.retention;

import static io.lifeboat.retention.Histories.backups;
import static io.lifeboat.retention.Histories.keptTimes;
import static io.lifeboat.retention.Histories.reasonsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetentionPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-25T18:10:00Z");

  /** Newest first; weeks are ISO weeks, 2025-12-31 belongs to 2026-W01. */
  static final List<Candidate> HISTORY =
      backups(
          "2026-11-25T18:00:00Z", // Wed, 2026-W48
          "2026-11-25T12:00:00Z",
          "2026-11-25T06:00:00Z",
          "2026-11-24T18:00:00Z",
          "2026-11-24T06:00:00Z",
          "2026-11-22T10:00:00Z", // Sun, 2026-W47
          "2026-11-16T10:00:00Z", // Mon, 2026-W47
          "2026-11-02T10:00:00Z", // 2026-W45
          "2026-10-31T23:00:00Z", // 2026-W44
          "2026-10-15T00:00:00Z", // 2026-W42
          "2025-12-31T12:00:00Z", // 2026-W01
          "2024-06-01T00:00:00Z"); // 2024-W22

  static List<String> at(int... positions) {
    return java.util.Arrays.stream(positions)
        .mapToObj(i -> HISTORY.get(i).id().time().toString())
        .toList();
  }

  static Stream<Arguments> singleRules() {
    RetentionPolicy none = RetentionPolicy.newestOnly();
    return Stream.of(
        Arguments.of("last 3", none.withKeepLast(3), at(0, 1, 2)),
        Arguments.of("hourly 4", none.withKeepHourly(4), at(0, 1, 2, 3)),
        Arguments.of("daily 3", none.withKeepDaily(3), at(0, 3, 5)),
        Arguments.of("daily 20", none.withKeepDaily(20), at(0, 3, 5, 6, 7, 8, 9, 10, 11)),
        Arguments.of("weekly 3", none.withKeepWeekly(3), at(0, 5, 7)),
        Arguments.of("weekly 10", none.withKeepWeekly(10), at(0, 5, 7, 8, 9, 10, 11)),
        Arguments.of("monthly 2", none.withKeepMonthly(2), at(0, 8)),
        Arguments.of("yearly 2", none.withKeepYearly(2), at(0, 10)),
        Arguments.of("yearly 5", none.withKeepYearly(5), at(0, 10, 11)),
        Arguments.of("within 48h", none.withKeepWithin(Duration.ofHours(48)), at(0, 1, 2, 3, 4)),
        Arguments.of("within 7h", none.withKeepWithin(Duration.ofHours(7)), at(0, 1)),
        Arguments.of(
            "last 2, daily 3, monthly 2",
            none.withKeepLast(2).withKeepDaily(3).withKeepMonthly(2),
            at(0, 1, 3, 5, 8)),
        Arguments.of(
            "weekly 2, yearly 3, within 13h",
            none.withKeepWeekly(2).withKeepYearly(3).withKeepWithin(Duration.ofHours(13)),
            at(0, 1, 2, 5, 10, 11)));
  }

  @ParameterizedTest(name = "keeps exactly what restic would with {0}")
  @MethodSource("singleRules")
  void keepsExactlyWhatResticWould(String name, RetentionPolicy policy, List<String> expected) {
    RetentionDecision decision = policy.decide(HISTORY, NOW);

    assertThat(keptTimes(decision)).containsExactlyElementsOf(expected);
    assertThat(decision.verdicts()).hasSize(HISTORY.size());
    assertThat(decision.ignored()).isEmpty();
  }

  @Test
  void namesEveryRuleThatKeepsABackup() {
    RetentionPolicy policy =
        RetentionPolicy.newestOnly().withKeepLast(2).withKeepDaily(3).withKeepMonthly(2);

    RetentionDecision decision = policy.decide(HISTORY, NOW);

    assertThat(reasonsOf(decision, "2026-11-25T18:00:00Z"))
        .containsExactly(
            "newest complete backup", "last 1 of 2", "daily 2026-11-25", "monthly 2026-11");
    assertThat(reasonsOf(decision, "2026-11-25T12:00:00Z")).containsExactly("last 2 of 2");
    assertThat(reasonsOf(decision, "2026-10-31T23:00:00Z")).containsExactly("monthly 2026-10");
    assertThat(reasonsOf(decision, "2026-11-24T06:00:00Z")).isEmpty();
  }

  @Test
  void keepsOnlyTheNewestWhenEveryRuleIsZero() {
    RetentionDecision decision = RetentionPolicy.newestOnly().decide(HISTORY, NOW);

    assertThat(keptTimes(decision)).containsExactlyElementsOf(at(0));
    assertThat(decision.verdicts().get(0).reasons()).containsExactly("newest complete backup");
    assertThat(decision.removed()).hasSize(HISTORY.size() - 1);
  }

  @Test
  void keepsTheOldestBackupWhileARuleStillHasBudgetLikeRestic() {
    List<Candidate> oneDay =
        backups("2026-11-25T18:00:00Z", "2026-11-25T12:00:00Z", "2026-11-25T06:00:00Z");

    RetentionDecision decision = RetentionPolicy.newestOnly().withKeepDaily(5).decide(oneDay, NOW);

    assertThat(keptTimes(decision)).containsExactly("2026-11-25T18:00:00Z", "2026-11-25T06:00:00Z");
    assertThat(reasonsOf(decision, "2026-11-25T06:00:00Z"))
        .containsExactly("oldest daily 2026-11-25");
  }

  @Test
  void measuresKeepWithinFromTheNewestBackupNotFromNow() {
    Instant muchLater = Instant.parse("2027-06-01T00:00:00Z");

    RetentionDecision decision =
        RetentionPolicy.newestOnly()
            .withKeepWithin(Duration.ofHours(48))
            .decide(HISTORY, muchLater);

    assertThat(keptTimes(decision)).containsExactlyElementsOf(at(0, 1, 2, 3, 4));
    assertThat(reasonsOf(decision, "2026-11-24T06:00:00Z")).containsExactly("within 48h");
  }

  @Test
  void doesNotKeepABackupExactlyKeepWithinOlderThanTheNewest() {
    RetentionDecision decision =
        RetentionPolicy.newestOnly().withKeepWithin(Duration.ofHours(6)).decide(HISTORY, NOW);

    assertThat(keptTimes(decision)).containsExactlyElementsOf(at(0));
  }

  static Stream<RetentionPolicy> policies() {
    RetentionPolicy none = RetentionPolicy.newestOnly();
    return Stream.of(
        none,
        none.withKeepDaily(7),
        none.withKeepYearly(1),
        none.withKeepWithin(Duration.ofMinutes(1)),
        new RetentionPolicy(1, 24, 7, 4, 12, 3, Duration.ofDays(2), null, null));
  }

  @ParameterizedTest(name = "keeps the newest complete backup with policy: {0}")
  @MethodSource("policies")
  void alwaysKeepsTheNewestCompleteBackup(RetentionPolicy policy) {
    RetentionDecision decision = policy.decide(HISTORY, NOW);

    assertThat(decision.verdicts().get(0).id()).isEqualTo(HISTORY.get(0).id());
    assertThat(decision.verdicts().get(0).keep()).isTrue();
    assertThat(decision.verdicts().get(0).reasons()).startsWith("newest complete backup");
    assertThat(decision.removed()).doesNotContain(HISTORY.get(0).id());
  }

  @Test
  void decidesTheSameWhateverTheInputOrder() {
    RetentionPolicy policy =
        new RetentionPolicy(2, 3, 3, 2, 2, 2, Duration.ofHours(13), null, null);
    List<Candidate> shuffled = new ArrayList<>(HISTORY);
    Collections.shuffle(shuffled, new Random(42));

    assertThat(policy.decide(shuffled, NOW)).isEqualTo(policy.decide(HISTORY, NOW));
  }

  @Test
  void decidesNothingForAnEmptyHistory() {
    RetentionDecision decision =
        RetentionPolicy.newestOnly().withKeepDaily(7).decide(List.of(), NOW);

    assertThat(decision.verdicts()).isEmpty();
    assertThat(decision.ignored()).isEmpty();
  }
}
