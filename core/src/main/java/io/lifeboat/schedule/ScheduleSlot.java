package io.lifeboat.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.lifeboat.error.InvalidConfigurationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the schedule slot of a run, from a CronJob's Job name or from a cron expression. */
public final class ScheduleSlot {
  public static final String SCHEDULE_PROPERTY = "lifeboat.schedule";
  public static final String ZONE_PROPERTY = "lifeboat.schedule-time-zone";

  /*
   * The CronJob controller (kubernetes/kubernetes pkg/controller/cronjob/utils.go) names each Job
   *   getJobName(cj, t) = fmt.Sprintf("%s-%d", cj.Name, getTimeHashInMinutes(t))
   *   getTimeHashInMinutes(t) = t.Unix() / 60
   * so the suffix is the scheduled time in whole minutes since the epoch, without leading zeros.
   * (Kubernetes 1.7 and older used seconds; such names fall outside the range below and are
   * treated as manual runs, which is safe: they claim nothing.)
   */
  private static final Pattern STAMPED = Pattern.compile(".+-([1-9][0-9]{7,8})");

  // A stamp must be a plausible schedule time: from 2000-01-01 to 2200-01-01, in minutes (8 or 9
  // digits, as the pattern above requires).
  private static final long MIN_MINUTES =
      Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() / 60;
  private static final long MAX_MINUTES =
      Instant.parse("2200-01-01T00:00:00Z").getEpochSecond() / 60;

  private static final CronParser UNIX_CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private ScheduleSlot() {}

  /**
   * The slot stamped into a CronJob's Job name ({@code etcd-snapshot-29399520}), or empty when the
   * name carries no plausible stamp (a Job created by hand, e.g. {@code manual-1}).
   */
  public static Optional<Slot> fromJobName(String jobName) {
    if (jobName == null) {
      return Optional.empty();
    }
    Matcher matcher = STAMPED.matcher(jobName);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long minutes = Long.parseLong(matcher.group(1));
    if (minutes < MIN_MINUTES || minutes >= MAX_MINUTES) {
      return Optional.empty();
    }
    return Optional.of(new Slot(Instant.ofEpochSecond(minutes * 60)));
  }

  /**
   * The latest instant of the UNIX cron {@code expression}, read in {@code zone}, that is at or
   * before {@code now}. Cron nicknames ({@code @daily}, {@code @every 5m}) are rejected: cron-utils
   * does not support them for the UNIX definition.
   */
  public static Slot fromCron(String expression, ZoneId zone, Instant now) {
    ExecutionTime schedule = ExecutionTime.forCron(parse(expression));
    ZonedDateTime minute = now.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
    if (schedule.isMatch(minute)) {
      return new Slot(minute.toInstant());
    }
    // lastExecution is strictly before its argument, hence the isMatch check above.
    return schedule
        .lastExecution(minute)
        .map(last -> new Slot(last.toInstant()))
        .orElseThrow(
            () ->
                new InvalidConfigurationException(
                    SCHEDULE_PROPERTY + " '" + expression + "' has no time at or before " + now));
  }

  /** Validates a cron expression as {@link #fromCron} reads it. */
  public static Cron parse(String expression) {
    String text = expression == null ? "" : expression.strip();
    if (text.startsWith("@")) {
      throw new InvalidConfigurationException(
          SCHEDULE_PROPERTY
              + " '"
              + expression
              + "' is a cron nickname, which is not supported: write five fields, e.g."
              + " '0 * * * *' for @hourly or '0 0 * * *' for @daily");
    }
    try {
      return UNIX_CRON.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          SCHEDULE_PROPERTY
              + " '"
              + expression
              + "' is not a five-field UNIX cron expression: "
              + e.getMessage(),
          e);
    }
  }

  /** Parses a time-zone id such as {@code Europe/Berlin}; null or blank means UTC. */
  public static ZoneId zone(String zoneId) {
    if (zoneId == null || zoneId.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(zoneId.strip());
    } catch (DateTimeException e) {
      throw new InvalidConfigurationException(
          ZONE_PROPERTY + " '" + zoneId + "' is not a known time zone (e.g. Europe/Berlin, UTC)",
          e);
    }
  }
}
