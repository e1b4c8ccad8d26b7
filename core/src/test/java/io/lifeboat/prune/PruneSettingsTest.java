package io.lifeboat.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Kind;
import io.lifeboat.retention.RetentionPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PruneSettingsTest {
  @Test
  void aGracePeriodBelowTwiceTheJobDeadlineIsRefusedNamingBothProperties() {
    assertThatThrownBy(
            () ->
                new PruneSettings(
                    RetentionPolicy.newestOnly(), Duration.ofHours(1), Duration.ofHours(1), null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "lifeboat.prune.grace-period (PT1H) must be at least twice"
                + " lifeboat.prune.max-job-deadline (PT1H)");
  }

  @Test
  void theDefaultsAreADayOfGraceForJobsOfAnHour() {
    PruneSettings settings = PruneSettings.of(RetentionPolicy.newestOnly());

    assertThat(settings.gracePeriod()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.maxJobDeadline()).isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest(name = "{0} backups keep more than the newest by default")
  @EnumSource(value = Kind.class, names = "ETCD_DELTA", mode = EnumSource.Mode.EXCLUDE)
  void everyKindHasADefaultPolicyKeepingMoreThanTheNewest(Kind kind) {
    assertThat(PruneSettings.defaultPolicy(kind).describe())
        .doesNotContain("only the newest")
        .contains("last", "daily", "weekly");
  }

  @Test
  void etcdKeepsADayOfHourlySnapshotsAWeekOfDailiesAMonthOfWeekliesAndAQuarterOfMonthlies() {
    assertThat(PruneSettings.defaultPolicy(Kind.ETCD).describe())
        .startsWith("keep last 24, daily 7, weekly 4, monthly 3;");
  }

  @Test
  void etcdDeltasKeepTheLastTwoHoursOfMinuteDeltasWithTheirChainsOnly() {
    // A kept delta keeps its whole chain (ChainRetention): calendar rules would keep a chain a day.
    assertThat(PruneSettings.defaultPolicy(Kind.ETCD_DELTA).describe())
        .startsWith("keep last 120;");
  }
}
