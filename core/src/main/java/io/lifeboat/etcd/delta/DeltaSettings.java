package io.lifeboat.etcd.delta;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.Locale;

/**
 * {@code lifeboat.etcd.delta.*}: what a delta run does when it cannot continue its chain, and when
 * a chain is long enough that a full snapshot is cheaper to restore from.
 *
 * @param onGap {@code full} (take a full snapshot instead, the default) or {@code fail} (exit 4)
 * @param maxChain deltas after a full snapshot before the next run takes a full one
 * @param maxChainBytes stored bytes of those deltas before the next run takes a full one
 */
public record DeltaSettings(OnGap onGap, int maxChain, long maxChainBytes) {
  public static final DeltaSettings DEFAULTS =
      new DeltaSettings(OnGap.FULL, 120, 4L * 1024 * 1024 * 1024);

  /** What a gap (compacted start, missing or unusable base) leads to. */
  public enum OnGap {
    FULL,
    FAIL;

    public static OnGap parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new InvalidConfigurationException(
            "lifeboat.etcd.delta.on-gap must be full or fail, was '" + text + "'");
      }
    }
  }

  public DeltaSettings {
    if (onGap == null) {
      throw new InvalidConfigurationException("lifeboat.etcd.delta.on-gap must be full or fail");
    }
    if (maxChain < 1) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.delta.max-chain must be >= 1, was " + maxChain);
    }
    if (maxChainBytes < 1) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.delta.max-chain-bytes must be >= 1, was " + maxChainBytes);
    }
  }
}
