package io.lifeboat.etcd.delta;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.etcd.EtcdSource;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chain as restore and prune see it: a full snapshot (the root) and the deltas after it, each
 * naming the one before as its base, their ranges contiguous ({@code from == previous + 1}), all of
 * one etcd cluster, each chain length one more. Pure: built from manifests that already validated
 * against their keys and data ({@link io.lifeboat.repository.Repository}). A delta whose walk back
 * fails (a missing or invalid base, a hole, an overlap, another root) belongs to no chain: restore
 * refuses it, prune does not count it.
 *
 * @param root the full snapshot
 * @param deltas oldest first; the last is the tip
 */
public record DeltaChain(Manifest root, List<Manifest> deltas) {
  public DeltaChain {
    deltas = List.copyOf(deltas);
  }

  /** The revision the root covers (a lower bound of the snapshot's own). */
  public long rootRevision() {
    return root.source(EtcdSource.class).revisionLowerBound();
  }

  /** The last revision the chain covers. */
  public long toRevision() {
    return deltas.isEmpty() ? rootRevision() : source(deltas.get(deltas.size() - 1)).toRevision();
  }

  /** The deltas needed to reach {@code revision}: those starting at or before it. */
  public List<Manifest> upTo(long revision) {
    return deltas.stream().filter(d -> source(d).fromRevision() <= revision).toList();
  }

  /**
   * Walks back from {@code tip} by base links through {@code valid} (validated manifests by ref).
   * Throws {@link IntegrityException} naming the first broken link.
   */
  public static DeltaChain backFrom(Manifest tip, Map<BackupRef, Manifest> valid) {
    List<Manifest> deltas = new ArrayList<>();
    Manifest current = tip;
    while (current.kind() == Kind.ETCD_DELTA) {
      DeltaSource source = source(current);
      try {
        DeltaChecks.coherent(source);
      } catch (RuntimeException e) {
        throw broken(tip, current, e.getMessage());
      }
      BackupRef baseRef =
          new BackupRef(
              Kind.parse(source.baseKind()), current.ref().scope(), BackupId.parse(source.base()));
      Manifest base = valid.get(baseRef);
      if (base == null) {
        throw broken(tip, current, "its base " + baseRef + " is missing or not valid");
      }
      long baseRevision =
          base.kind() == Kind.ETCD
              ? base.source(EtcdSource.class).revisionLowerBound()
              : source(base).toRevision();
      if (source.fromRevision() != baseRevision + 1) {
        throw broken(
            tip,
            current,
            "it starts at revision "
                + source.fromRevision()
                + " but its base "
                + baseRef.id()
                + " ends at "
                + baseRevision
                + " (a hole or an overlap)");
      }
      if (base.kind() == Kind.ETCD_DELTA) {
        DeltaSource previous = source(base);
        if (!previous.root().equals(source.root())
            || previous.chainLength() + 1 != source.chainLength()
            || previous.clusterId() != null && !previous.clusterId().equals(source.clusterId())) {
          throw broken(tip, current, "its root, chain length or cluster differs from its base's");
        }
      }
      deltas.add(current);
      current = base;
    }
    Collections.reverse(deltas);
    return new DeltaChain(current, deltas);
  }

  /**
   * The chain to restore {@code revision} from: the chain back from {@code chosen} (a delta), or
   * from the root {@code chosen} (a full snapshot) or from any root (null, {@code latest}) to the
   * one delta that contains it. When two deltas that both validate contain it on the same root
   * (forged, or two manual runs), refuses (exit 6) naming both: a person must choose.
   */
  public static DeltaChain forRevision(
      Manifest chosen,
      long revision,
      Collection<Manifest> validDeltas,
      Map<BackupRef, Manifest> valid) {
    if (chosen != null && chosen.kind() == Kind.ETCD_DELTA) {
      DeltaChain chain = backFrom(chosen, valid);
      chain.requireCovers(revision);
      return chain;
    }
    List<DeltaChain> covering = new ArrayList<>();
    for (Manifest delta : validDeltas) {
      DeltaSource source = source(delta);
      if (source.fromRevision() > revision || source.toRevision() < revision) {
        continue;
      }
      if (chosen != null && !source.root().equals(chosen.id())) {
        continue;
      }
      try {
        covering.add(backFrom(delta, valid));
      } catch (IntegrityException notAChain) {
        // reported by prune and by restore of that delta by id; never used here
      }
    }
    if (covering.isEmpty()
        && chosen != null
        && chosen.source(EtcdSource.class).revisionLowerBound() == revision) {
      return new DeltaChain(chosen, List.of());
    }
    if (covering.isEmpty()) {
      throw new NotFoundException(
          "no valid chain of etcd deltas reaches revision "
              + revision
              + (chosen == null ? "" : " from " + chosen.ref()));
    }
    Optional<DeltaChain> newestRoot =
        covering.stream().max(java.util.Comparator.comparing(c -> c.root().ref().id()));
    List<DeltaChain> same =
        covering.stream().filter(c -> c.root().id().equals(newestRoot.get().root().id())).toList();
    if (same.size() > 1) {
      throw new IntegrityException(
          "two deltas on "
              + newestRoot.get().root().ref()
              + " both claim revision "
              + revision
              + ": "
              + last(same.get(0)).id()
              + " and "
              + last(same.get(1)).id()
              + "; restore one of them by id");
    }
    return same.get(0);
  }

  private void requireCovers(long revision) {
    if (revision < rootRevision() || revision > toRevision()) {
      throw new NotFoundException(
          "revision "
              + revision
              + " is outside the chain of "
              + root.ref()
              + " (revisions "
              + rootRevision()
              + ".."
              + toRevision()
              + ")");
    }
  }

  private static Manifest last(DeltaChain chain) {
    return chain.deltas().get(chain.deltas().size() - 1);
  }

  public static DeltaSource source(Manifest delta) {
    return delta.source(DeltaSource.class);
  }

  private static IntegrityException broken(Manifest tip, Manifest at, String why) {
    return new IntegrityException(
        "the delta chain of " + tip.ref() + " is broken at " + at.ref().id() + ": " + why);
  }
}
