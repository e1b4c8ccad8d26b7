package io.lifeboat.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetentionPolicyValidationTest {
  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        invalid("keepLast must be >= 0, was -1", p -> p.withKeepLast(-1)),
        invalid("keepHourly must be >= 0, was -2", p -> p.withKeepHourly(-2)),
        invalid("keepDaily must be >= 0, was -1", p -> p.withKeepDaily(-1)),
        invalid("keepWeekly must be >= 0, was -1", p -> p.withKeepWeekly(-1)),
        invalid("keepMonthly must be >= 0, was -1", p -> p.withKeepMonthly(-1)),
        invalid("keepYearly must be >= 0, was -1", p -> p.withKeepYearly(-1)),
        invalid("keepWithin must be >= 0, was -1h", p -> p.withKeepWithin(Duration.ofHours(-1))),
        invalid("clockSkew must be >= 0, was -30s", p -> p.withClockSkew(Duration.ofSeconds(-30))));
  }

  static Arguments invalid(String message, UnaryOperator<RetentionPolicy> change) {
    return Arguments.of(message, change);
  }

  @ParameterizedTest(name = "rejects a policy with the message \"{0}\"")
  @MethodSource("invalidSettings")
  void rejectsNegativeSettingsNamingTheField(
      String message, UnaryOperator<RetentionPolicy> change) {
    assertThatThrownBy(() -> change.apply(RetentionPolicy.newestOnly()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(message);
  }

  @Test
  void defaultsToUtcFiveMinutesSkewAndNoKeepWithin() {
    RetentionPolicy policy = new RetentionPolicy(0, 0, 0, 0, 0, 0, null, null, null);

    assertThat(policy.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(policy.clockSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.keepWithin()).isZero();
  }

  @Test
  void allowsAPolicyWithEveryRuleZero() {
    assertThat(RetentionPolicy.newestOnly().describe())
        .isEqualTo("keep only the newest complete backup; zone UTC; clock skew 5m");
  }

  @Test
  void describesItsRulesInResticOrder() {
    RetentionPolicy policy =
        new RetentionPolicy(
            3, 24, 7, 4, 12, 2, Duration.ofHours(48), ZoneId.of("Europe/Berlin"), Duration.ZERO);

    assertThat(policy.describe())
        .isEqualTo(
            "keep last 3, hourly 24, daily 7, weekly 4, monthly 12, yearly 2, within 48h;"
                + " zone Europe/Berlin; clock skew 0s");
  }
}
