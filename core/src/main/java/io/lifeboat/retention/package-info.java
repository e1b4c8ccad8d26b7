/**
 * Retention: which backups of one scope to keep, as a pure function of (backups, policy, now).
 *
 * <p>{@link io.lifeboat.retention.RetentionPolicy#decide} follows restic's {@code forget} ({@code
 * ApplyPolicy}) exactly for the counted rules: backups are walked newest first; {@code keepLast}
 * keeps the newest n; {@code keepHourly/Daily/Weekly/Monthly/Yearly} keep the newest backup of each
 * of the newest n hours/days/ISO weeks/months/years that have backups (empty periods cost nothing);
 * while a rule still has budget when the walk reaches the oldest backup, that backup is kept too
 * ("oldest daily ..."). Buckets use the wall clock of the policy's zone, so the hour repeated when
 * daylight saving time ends is one hourly bucket. {@code keepWithin} keeps every backup newer than
 * the newest backup's time minus the duration, measured from the newest backup, not from now, so a
 * stalled schedule does not age everything out. A backup is removed only when no rule keeps it.
 *
 * <p>What it must never do:
 *
 * <ul>
 *   <li>Never decide to remove the newest complete backup, whatever the policy (even all zeros).
 *   <li>Never count forged or broken entries: catalog entries dated after {@code now} plus the
 *       clock-skew allowance, and entries whose data is missing, are reported apart as ignored.
 *       They fill no bucket, spend no counter, do not move the keep-within anchor, and are not
 *       marked for removal here (prune decides, after its grace period), so an attacker who can
 *       write catalog entries cannot push real backups out.
 *   <li>Never read the clock, the store or anything else: the caller passes {@code now} and the
 *       listing, and the result is a plan; deleting is prune's job.
 * </ul>
 */
package io.lifeboat.retention;
