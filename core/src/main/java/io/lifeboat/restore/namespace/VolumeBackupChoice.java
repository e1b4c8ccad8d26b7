package io.lifeboat.restore.namespace;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.repository.BackupId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which volumes backup a namespace restore takes its PVCs from ({@code --volumes-backup}): {@code
 * nearest} (the default) takes the volumes backup of the same namespace whose id time is closest to
 * the namespace backup's, when within {@code window}; {@code none} never takes one (PVCs come from
 * the archive, as before); an id takes that backup. A pure function over the ids of one LIST.
 *
 * @param requested {@code nearest}, {@code none} or a backup id
 * @param window how far from the namespace backup's time {@code nearest} looks (inclusive)
 */
public record VolumeBackupChoice(String requested, Duration window) {
  public static final String NEAREST = "nearest";
  public static final String NONE = "none";
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  public VolumeBackupChoice {
    requested = requested == null || requested.isBlank() ? NEAREST : requested.trim();
    window = window == null ? DEFAULT_WINDOW : window;
    if (window.isNegative()) {
      throw new InvalidConfigurationException(
          "volumes window must not be negative, was '" + window + "'");
    }
    if (!requested.equals(NEAREST) && !requested.equals(NONE)) {
      try {
        BackupId.parse(requested);
      } catch (InvalidConfigurationException e) {
        throw new InvalidConfigurationException(
            "volumes backup must be 'nearest', 'none' or a backup id like 20261125T181500Z-3f9a,"
                + " was '"
                + requested
                + "'",
            e);
      }
    }
  }

  /** {@code nearest} within one hour. */
  public static VolumeBackupChoice defaults() {
    return new VolumeBackupChoice(NEAREST, DEFAULT_WINDOW);
  }

  /** True when no volumes backup is ever taken, so the catalog need not be listed. */
  public boolean never() {
    return requested.equals(NONE);
  }

  /** The outcome: the chosen id (null when none) and why, in words for the plan and the report. */
  public record Decision(BackupId chosen, String reason) {}

  /**
   * Chooses among {@code available}, the ids of the volumes backups of the namespace backup's own
   * scope. Ties under {@code nearest} go to the later backup (it holds the newer data). An explicit
   * id that is not among them is not found (exit 7).
   */
  public Decision choose(BackupId namespaceBackup, List<BackupId> available) {
    if (never()) {
      return new Decision(null, "volumes backup 'none': PVCs come from the archive");
    }
    if (!requested.equals(NEAREST)) {
      BackupId wanted = BackupId.parse(requested);
      if (!available.contains(wanted)) {
        throw new NotFoundException(
            "volumes backup '"
                + requested
                + "' not found among the "
                + available.size()
                + " volumes backups of the namespace");
      }
      return new Decision(
          wanted,
          "volumes backup " + wanted + " (asked for; " + distance(namespaceBackup, wanted) + ")");
    }
    BackupId best = null;
    Duration bestDistance = null;
    for (BackupId id : available) {
      Duration d = Duration.between(namespaceBackup.time(), id.time()).abs();
      if (d.compareTo(window) > 0) {
        continue;
      }
      int order = bestDistance == null ? -1 : d.compareTo(bestDistance);
      if (order < 0 || (order == 0 && id.compareTo(best) > 0)) {
        best = id;
        bestDistance = d;
      }
    }
    if (best == null) {
      return new Decision(
          null,
          "no volumes backup within "
              + human(window)
              + " of "
              + namespaceBackup
              + ": PVCs come from the archive");
    }
    return new Decision(
        best,
        "volumes backup "
            + best
            + " (nearest within "
            + human(window)
            + "; "
            + distance(namespaceBackup, best)
            + ")");
  }

  private static String distance(BackupId namespaceBackup, BackupId volumes) {
    Duration d = Duration.between(namespaceBackup.time(), volumes.time());
    if (d.isZero()) {
      return "same second as " + namespaceBackup;
    }
    return human(d.abs()) + (d.isNegative() ? " before " : " after ") + namespaceBackup;
  }

  /** {@code 1h}, {@code 1h30m}, {@code 45s}: how the window and distances read. */
  static String human(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    if (d.toDays() > 0) {
      text.append(d.toDays()).append('d');
    }
    if (d.toHoursPart() > 0) {
      text.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      text.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      text.append(d.toSecondsPart()).append('s');
    }
    return text.length() == 0 ? d.toString().toLowerCase(Locale.ROOT) : text.toString();
  }
}
