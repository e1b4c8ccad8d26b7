package io.lifeboat.volumes;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.ClusterName;
import io.lifeboat.schedule.RunTrigger;
import java.time.Duration;
import java.util.Objects;

/**
 * One volumes backup run: which cluster (for the scope), why it runs (a schedule slot claimed per
 * namespace, or by hand), which PVCs, how long snapshots may take to become ready and how often to
 * look.
 *
 * @param readyDeadline how long, from the first VolumeSnapshot's creation, every snapshot of a
 *     namespace may take to become {@code readyToUse}
 * @param pollInterval the time between two looks at the VolumeSnapshots
 * @param claimTtl the deadline of one namespace's run (snapshots, payload, commit); its claim
 *     outlives it by {@link io.lifeboat.repository.ClaimedRun#CLAIM_MARGIN}
 */
public record VolumesRequest(
    ClusterName cluster,
    RunTrigger trigger,
    VolumesSelection selection,
    Duration readyDeadline,
    Duration pollInterval,
    String runner,
    Duration claimTtl) {
  public VolumesRequest {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(trigger, "trigger");
    selection = selection == null ? VolumesSelection.all() : selection;
    positive(readyDeadline, "lifeboat.volumes.ready-deadline");
    positive(pollInterval, "lifeboat.volumes.poll-interval");
    runner = runner == null ? "lifeboat" : runner;
    claimTtl = claimTtl == null ? readyDeadline.plus(Duration.ofMinutes(10)) : claimTtl;
  }

  private static void positive(Duration value, String property) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidConfigurationException(property + " must be positive, was " + value);
    }
  }
}
