package io.lifeboat.retention;

import static io.lifeboat.retention.Histories.backups;
import static io.lifeboat.retention.Histories.every;
import static io.lifeboat.retention.Histories.withoutData;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rendered plans for fixed histories, compared with {@code
 * src/test/resources/retention/golden/<name>.txt}. After an intended change to the rules or the
 * plan text, regenerate with {@code mvn -pl core test -Dtest=RetentionGoldenTest
 * -Dlifeboat.golden.update=true}, then read the diff before committing it.
 */
class RetentionGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/retention/golden");
  static final Instant NOW = Instant.parse("2026-11-25T18:10:00Z");

  static List<Candidate> mixedHistory() {
    List<Candidate> history = new ArrayList<>(RetentionPolicyTest.HISTORY);
    history.add(Histories.backup("2026-11-25T18:14:00Z")); // inside the 5 min skew
    history.add(Histories.backup("2026-12-24T00:00:00Z")); // forged, far in the future
    history.add(withoutData("2026-11-23T12:00:00Z"));
    return history;
  }

  @Test
  void rendersAMixedHistoryWithLastDailyWeeklyMonthlyAndYearly() throws IOException {
    RetentionPolicy policy = new RetentionPolicy(2, 0, 3, 3, 2, 3, null, null, null);

    assertMatchesGolden("mixed-history", policy.decide(mixedHistory(), NOW));
  }

  @Test
  void rendersNewestOnlyForAnAllZeroPolicy() throws IOException {
    assertMatchesGolden("newest-only", RetentionPolicy.newestOnly().decide(mixedHistory(), NOW));
  }

  @Test
  void rendersABerlinNightLeavingSummerTime() throws IOException {
    List<Candidate> night = every(Duration.ofMinutes(20), "2026-10-24T22:00:00Z", 15);
    RetentionPolicy policy =
        RetentionPolicy.newestOnly()
            .withKeepHourly(4)
            .withKeepWithin(Duration.ofMinutes(50))
            .withZone(ZoneId.of("Europe/Berlin"));

    assertMatchesGolden("berlin-autumn-hourly", policy.decide(night, NOW));
  }

  @Test
  void rendersTheYearBoundaryWithIsoWeek53AndTheOldestRule() throws IOException {
    List<Candidate> history =
        backups(
            "2027-01-05T06:00:00Z",
            "2027-01-04T06:00:00Z",
            "2027-01-02T06:00:00Z",
            "2027-01-01T06:00:00Z",
            "2026-12-31T22:00:00Z",
            "2026-12-28T06:00:00Z",
            "2026-12-20T06:00:00Z",
            "2026-11-30T06:00:00Z",
            "2026-11-01T06:00:00Z",
            "2026-11-01T05:00:00Z");
    RetentionPolicy policy = new RetentionPolicy(0, 0, 2, 4, 4, 5, null, null, null);

    assertMatchesGolden(
        "year-boundary", policy.decide(history, Instant.parse("2027-01-05T07:00:00Z")));
  }

  private static void assertMatchesGolden(String name, RetentionDecision decision)
      throws IOException {
    Path file = GOLDEN.resolve(name + ".txt");
    String rendered = decision.render();
    if (Boolean.getBoolean("lifeboat.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (see class comment to regenerate)", file).exists();
    assertThat(rendered).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
