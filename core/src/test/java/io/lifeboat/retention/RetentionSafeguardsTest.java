package io.lifeboat.retention;

import static io.lifeboat.retention.Histories.backup;
import static io.lifeboat.retention.Histories.backups;
import static io.lifeboat.retention.Histories.keptTimes;
import static io.lifeboat.retention.Histories.reasonsOf;
import static io.lifeboat.retention.Histories.withoutData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.retention.RetentionDecision.Ignored;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Forged and broken catalog entries must not push real backups out. */
class RetentionSafeguardsTest {
  static final Instant NOW = Instant.parse("2026-11-25T18:10:00Z");
  static final List<Candidate> REAL =
      backups(
          "2026-11-25T18:00:00Z",
          "2026-11-24T18:00:00Z",
          "2026-11-23T18:00:00Z",
          "2026-11-22T18:00:00Z");
  static final RetentionPolicy DAILY_3 = RetentionPolicy.newestOnly().withKeepDaily(3);

  @Test
  void ignoresEntriesDatedInTheFutureAndKeepsTheRealOnes() {
    List<Candidate> all = new ArrayList<>(REAL);
    all.addAll(backups("2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z", "2030-01-01T00:00:00Z"));

    RetentionDecision decision = DAILY_3.decide(all, NOW);

    assertThat(keptTimes(decision))
        .containsExactly("2026-11-25T18:00:00Z", "2026-11-24T18:00:00Z", "2026-11-23T18:00:00Z");
    assertThat(reasonsOf(decision, "2026-11-25T18:00:00Z"))
        .containsExactly("newest complete backup", "daily 2026-11-25");
    assertThat(decision.ignored())
        .extracting(ignored -> ignored.id().time().toString())
        .containsExactly("2030-01-01T00:00:00Z", "2026-11-27T00:00:00Z", "2026-11-26T00:00:00Z");
    assertThat(decision.ignored().get(2).reason())
        .isEqualTo(
            "dated in the future: 2026-11-26T00:00:00Z is more than 5m after now"
                + " (2026-11-25T18:10:00Z)");
  }

  @Test
  void neitherKeepsNorRemovesIgnoredEntries() {
    List<Candidate> all = new ArrayList<>(REAL);
    all.add(backup("2030-01-01T00:00:00Z"));
    all.add(withoutData("2026-11-20T00:00:00Z"));

    RetentionDecision decision = RetentionPolicy.newestOnly().decide(all, NOW);

    List<Ignored> ignored = decision.ignored();
    assertThat(ignored).hasSize(2);
    assertThat(decision.kept())
        .doesNotContainAnyElementsOf(ignored.stream().map(Ignored::id).toList());
    assertThat(decision.removed())
        .doesNotContainAnyElementsOf(ignored.stream().map(Ignored::id).toList());
  }

  @ParameterizedTest(name = "counts an entry dated {0} s after now, inside the 5 min skew")
  @ValueSource(ints = {1, 240, 300})
  void countsEntriesInsideTheClockSkewAllowance(int secondsAhead) {
    String ahead = NOW.plusSeconds(secondsAhead).toString();
    List<Candidate> all = new ArrayList<>(REAL);
    all.add(backup(ahead));

    RetentionDecision decision = DAILY_3.decide(all, NOW);

    assertThat(decision.ignored()).isEmpty();
    assertThat(reasonsOf(decision, ahead))
        .containsExactly("newest complete backup", "daily 2026-11-25");
    assertThat(keptTimes(decision)).doesNotContain("2026-11-25T18:00:00Z");
  }

  @Test
  void ignoresAnEntryOneSecondBeyondTheClockSkew() {
    List<Candidate> all = new ArrayList<>(REAL);
    all.add(backup(NOW.plusSeconds(301).toString()));

    RetentionDecision decision = DAILY_3.decide(all, NOW);

    assertThat(decision.ignored()).hasSize(1);
    assertThat(decision.ignored().get(0).reason()).startsWith("dated in the future: ");
  }

  @Test
  void ignoresEntriesWhoseDataIsMissing() {
    List<Candidate> all = new ArrayList<>(REAL);
    all.add(withoutData("2026-11-25T18:05:00Z"));
    all.add(withoutData("2026-11-24T23:00:00Z"));

    RetentionDecision decision = DAILY_3.decide(all, NOW);

    assertThat(decision.ignored()).extracting(Ignored::reason).containsOnly("data missing");
    assertThat(reasonsOf(decision, "2026-11-25T18:00:00Z"))
        .containsExactly("newest complete backup", "daily 2026-11-25");
    assertThat(reasonsOf(decision, "2026-11-24T18:00:00Z")).containsExactly("daily 2026-11-24");
  }

  @Test
  void ignoresEverythingWhenNoEntryCounts() {
    List<Candidate> all =
        List.of(withoutData("2026-11-25T18:05:00Z"), backup("2031-01-01T00:00:00Z"));

    RetentionDecision decision = DAILY_3.decide(all, NOW);

    assertThat(decision.verdicts()).isEmpty();
    assertThat(decision.ignored()).hasSize(2);
  }

  @Test
  void refusesAHistoryListingTheSameBackupTwice() {
    List<Candidate> twice = List.of(backup("2026-11-25T18:00:00Z"), backup("2026-11-25T18:00:00Z"));

    assertThatThrownBy(() -> DAILY_3.decide(twice, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backup 20261125T180000Z-0000 is listed twice");
  }
}
