package io.lifeboat.retention;

import io.lifeboat.error.InvalidConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which backups of one scope to keep: restic's {@code forget} rules (see package-info), plus two
 * safeguards restic lacks: the newest complete backup is always kept, and entries dated in the
 * future or lacking data are ignored rather than counted.
 *
 * @param keepLast keep the newest n backups
 * @param keepHourly keep the newest backup of each of the newest n hours that have backups
 * @param keepDaily same per calendar day
 * @param keepWeekly same per ISO week (Monday to Sunday, week-based year)
 * @param keepMonthly same per calendar month
 * @param keepYearly same per calendar year
 * @param keepWithin keep every backup newer than the newest backup minus this; zero (or null) is
 *     off
 * @param zone the zone whose wall clock defines hours, days, weeks, months, years; null means UTC
 * @param clockSkew how far past {@code now} an entry may be dated and still count; null means 5 min
 */
public record RetentionPolicy(
    int keepLast,
    int keepHourly,
    int keepDaily,
    int keepWeekly,
    int keepMonthly,
    int keepYearly,
    Duration keepWithin,
    ZoneId zone,
    Duration clockSkew) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  public RetentionPolicy {
    requireNotNegative("keepLast", keepLast);
    requireNotNegative("keepHourly", keepHourly);
    requireNotNegative("keepDaily", keepDaily);
    requireNotNegative("keepWeekly", keepWeekly);
    requireNotNegative("keepMonthly", keepMonthly);
    requireNotNegative("keepYearly", keepYearly);
    keepWithin = requireNotNegative("keepWithin", keepWithin, Duration.ZERO);
    clockSkew = requireNotNegative("clockSkew", clockSkew, DEFAULT_CLOCK_SKEW);
    zone = zone == null ? ZoneOffset.UTC : zone;
  }

  /** A policy that keeps nothing but the newest complete backup; start here and add rules. */
  public static RetentionPolicy newestOnly() {
    return new RetentionPolicy(0, 0, 0, 0, 0, 0, null, null, null);
  }

  public RetentionPolicy withKeepLast(int n) {
    return toBuilder().keepLast(n).build();
  }

  public RetentionPolicy withKeepHourly(int n) {
    return toBuilder().keepHourly(n).build();
  }

  public RetentionPolicy withKeepDaily(int n) {
    return toBuilder().keepDaily(n).build();
  }

  public RetentionPolicy withKeepWeekly(int n) {
    return toBuilder().keepWeekly(n).build();
  }

  public RetentionPolicy withKeepMonthly(int n) {
    return toBuilder().keepMonthly(n).build();
  }

  public RetentionPolicy withKeepYearly(int n) {
    return toBuilder().keepYearly(n).build();
  }

  public RetentionPolicy withKeepWithin(Duration within) {
    return toBuilder().keepWithin(within).build();
  }

  public RetentionPolicy withZone(ZoneId newZone) {
    return toBuilder().zone(newZone).build();
  }

  public RetentionPolicy withClockSkew(Duration skew) {
    return toBuilder().clockSkew(skew).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Decides, for each backup, whether to keep or remove it and why. Pure: the result depends only
   * on the backups, this policy and {@code now}; input order does not matter. Entries dated after
   * {@code now + clockSkew} or lacking data are reported as ignored, neither kept nor removed.
   *
   * @throws IllegalArgumentException if two candidates have the same id
   */
  public RetentionDecision decide(List<Candidate> backups, Instant now) {
    Objects.requireNonNull(backups, "backups");
    Objects.requireNonNull(now, "now");
    return new PolicyWalk(this, now).decide(backups);
  }

  /** The counter of a keep rule. */
  int limit(Rule rule) {
    return switch (rule) {
      case LAST -> keepLast;
      case HOURLY -> keepHourly;
      case DAILY -> keepDaily;
      case WEEKLY -> keepWeekly;
      case MONTHLY -> keepMonthly;
      case YEARLY -> keepYearly;
    };
  }

  /** One line, e.g. {@code keep last 3, daily 7, within 48h; zone UTC; clock skew 5m}. */
  public String describe() {
    List<String> rules = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (limit(rule) > 0) {
        rules.add(rule.name().toLowerCase(Locale.ROOT) + " " + limit(rule));
      }
    }
    if (!keepWithin.isZero()) {
      rules.add("within " + DurationText.of(keepWithin));
    }
    String keep = rules.isEmpty() ? "only the newest complete backup" : String.join(", ", rules);
    return "keep " + keep + "; zone " + zoneName() + "; clock skew " + DurationText.of(clockSkew);
  }

  private String zoneName() {
    return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private static void requireNotNegative(String name, int value) {
    if (value < 0) {
      throw new InvalidConfigurationException(name + " must be >= 0, was " + value);
    }
  }

  private static Duration requireNotNegative(String name, Duration value, Duration otherwise) {
    if (value == null) {
      return otherwise;
    }
    if (value.isNegative()) {
      throw new InvalidConfigurationException(
          name + " must be >= 0, was " + DurationText.of(value));
    }
    return value;
  }

  /** The rules one at a time; {@link #build()} validates as the constructor does. */
  public static final class Builder {
    private int keepLast;
    private int keepHourly;
    private int keepDaily;
    private int keepWeekly;
    private int keepMonthly;
    private int keepYearly;
    private Duration keepWithin;
    private ZoneId zone;
    private Duration clockSkew;

    private Builder(RetentionPolicy from) {
      keepLast = from.keepLast;
      keepHourly = from.keepHourly;
      keepDaily = from.keepDaily;
      keepWeekly = from.keepWeekly;
      keepMonthly = from.keepMonthly;
      keepYearly = from.keepYearly;
      keepWithin = from.keepWithin;
      zone = from.zone;
      clockSkew = from.clockSkew;
    }

    public Builder keepLast(int value) {
      keepLast = value;
      return this;
    }

    public Builder keepHourly(int value) {
      keepHourly = value;
      return this;
    }

    public Builder keepDaily(int value) {
      keepDaily = value;
      return this;
    }

    public Builder keepWeekly(int value) {
      keepWeekly = value;
      return this;
    }

    public Builder keepMonthly(int value) {
      keepMonthly = value;
      return this;
    }

    public Builder keepYearly(int value) {
      keepYearly = value;
      return this;
    }

    public Builder keepWithin(Duration value) {
      keepWithin = value;
      return this;
    }

    public Builder zone(ZoneId value) {
      zone = value;
      return this;
    }

    public Builder clockSkew(Duration value) {
      clockSkew = value;
      return this;
    }

    public RetentionPolicy build() {
      return new RetentionPolicy(
          keepLast,
          keepHourly,
          keepDaily,
          keepWeekly,
          keepMonthly,
          keepYearly,
          keepWithin,
          zone,
          clockSkew);
    }
  }
}
