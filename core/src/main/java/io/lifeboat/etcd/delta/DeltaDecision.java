package io.lifeboat.etcd.delta;

import io.lifeboat.text.Count;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Decides a delta run from its candidate bases (best first, {@link ChainHead}), etcd's current
 * revision and cluster id, and a probe saying whether a revision was compacted. Pure, so every gap
 * is tested on a table; every reason names the revision and the backup.
 */
public final class DeltaDecision {
  private DeltaDecision() {}

  public static DeltaPlan decide(
      List<ChainLink> candidates,
      long current,
      String clusterId,
      LongPredicate compacted,
      DeltaSettings settings) {
    if (candidates.isEmpty()) {
      return new DeltaPlan.Full("no valid full snapshot or delta to continue", true);
    }
    List<String> gaps = new ArrayList<>();
    for (ChainLink base : candidates) {
      String id = base.ref().kind() + " " + base.ref().id();
      if (base.clusterId() != null && clusterId != null && !base.clusterId().equals(clusterId)) {
        gaps.add(id + " is of etcd cluster " + base.clusterId() + ", etcd is now " + clusterId);
        continue;
      }
      if (base.revision() > current) {
        gaps.add(
            id
                + " covers revision "
                + base.revision()
                + ", beyond etcd's current "
                + current
                + " (etcd restored or replaced?)");
        continue;
      }
      String limit = chainLimit(base, settings);
      if (limit != null) {
        return new DeltaPlan.Full(limit, false);
      }
      if (base.revision() < current && compacted.test(base.revision() + 1)) {
        gaps.add(
            "start revision " + (base.revision() + 1) + " after " + id + " was compacted by etcd");
        continue;
      }
      return new DeltaPlan.Delta(base, base.revision() + 1, current);
    }
    return new DeltaPlan.Full(String.join("; ", gaps), true);
  }

  private static String chainLimit(ChainLink base, DeltaSettings settings) {
    if (base.chainLength() >= settings.maxChain()) {
      return "the chain of "
          + base.root()
          + " has "
          + Count.of(base.chainLength(), "delta")
          + " (lifeboat.etcd.delta.max-chain="
          + settings.maxChain()
          + ")";
    }
    if (base.chainBytes() >= settings.maxChainBytes()) {
      return "the chain of "
          + base.root()
          + " stores "
          + base.chainBytes()
          + " bytes (lifeboat.etcd.delta.max-chain-bytes="
          + settings.maxChainBytes()
          + ")";
    }
    return null;
  }
}
