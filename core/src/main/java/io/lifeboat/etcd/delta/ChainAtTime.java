package io.lifeboat.etcd.delta;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The state to restore for {@code --to-time T}: the newest link of a chain (a delta, or the full
 * snapshot itself) that the <em>store's clock</em> proves was read at or before {@code T}.
 *
 * <p>etcd events carry no time, so the precision is one run: a delta covers the revision etcd had
 * when its run started, and that run wrote its catalog entry after reading it. The entry's {@code
 * LastModified} is set by the store, not by the writer, so {@code LastModified <= T} proves the
 * revision was committed at or before {@code T}. The manifest's own times (its id, {@code
 * startedAt}) are the writer's word: a forger with the backup identity could date a delta written
 * after an incident an hour earlier ({@link io.lifeboat.repository.CatalogRules} allows a run's
 * length between id and {@code LastModified}) and have it chosen. A {@code LastModified} at a whole
 * second (S3 reports seconds) may stand for any instant in that second, so it counts as its last
 * nanosecond: never later than proven, at the cost of up to one second of precision.
 *
 * @param chain what to restore: the root and the deltas up to the link (none: the root as is)
 * @param link the chosen link (the root, or the delta whose run read the revision)
 * @param written when the store wrote the link's entry, as counted
 */
public record ChainAtTime(DeltaChain chain, Manifest link, Instant written) {

  /** The revision the link covers: a delta's {@code toRevision}, a full snapshot's lower bound. */
  public long revision() {
    return link.kind() == Kind.ETCD_DELTA
        ? DeltaChain.source(link).toRevision()
        : chain.rootRevision();
  }

  /** True when no event needs replaying: restore the root's snapshot as it is. */
  public boolean full() {
    return chain.deltas().stream().allMatch(d -> DeltaChain.source(d).empty());
  }

  /** One line for the report and the CLI: what was chosen, when the store wrote it, precision. */
  public String describe(Instant time) {
    return String.format(
        "as of %s: %s %s (revision %s%d), the newest link the store wrote at or before it (at %s);"
            + " precision: one %s run, etcd events carry no time",
        time,
        link.kind() == Kind.ETCD_DELTA ? "delta" : "full snapshot",
        link.id(),
        link.kind() == Kind.ETCD_DELTA ? "" : ">= ",
        revision(),
        written,
        link.kind() == Kind.ETCD_DELTA ? "delta" : "backup");
  }

  /**
   * Chooses among validated manifests ({@code valid}, by ref, full snapshots and deltas; {@code
   * validDeltas} the deltas among them) with the store's {@code LastModified} of each entry. {@code
   * chosen}: a delta (its chain), a full snapshot (it and its deltas) or null ({@code latest}:
   * every chain). Deltas in no valid chain are never links. Throws {@link NotFoundException} when
   * {@code time} is before every link (naming the earliest restorable time) and {@link
   * IntegrityException} when two deltas of the chosen root claim the chosen revision, as {@link
   * DeltaChain#forRevision}.
   */
  public static ChainAtTime choose(
      Manifest chosen,
      Instant time,
      Collection<Manifest> validDeltas,
      Map<BackupRef, Manifest> valid,
      Map<BackupRef, Instant> lastModified) {
    List<ChainAtTime> links = links(chosen, validDeltas, valid, lastModified);
    ChainAtTime newest =
        links.stream()
            .filter(link -> !link.written().isAfter(time))
            .max(
                Comparator.comparing(ChainAtTime::written).thenComparingLong(ChainAtTime::revision))
            .orElseThrow(() -> beforeEveryLink(chosen, time, links));
    if (newest.link().kind() == Kind.ETCD_DELTA && (chosen == null || chosen.kind() == Kind.ETCD)) {
      // two deltas of one root claiming the revision: refused as --to-revision refuses them
      DeltaChain.forRevision(newest.chain().root(), newest.revision(), validDeltas, valid);
    }
    return newest;
  }

  private static List<ChainAtTime> links(
      Manifest chosen,
      Collection<Manifest> validDeltas,
      Map<BackupRef, Manifest> valid,
      Map<BackupRef, Instant> lastModified) {
    List<ChainAtTime> links = new ArrayList<>();
    if (chosen != null && chosen.kind() == Kind.ETCD_DELTA) {
      DeltaChain chain = DeltaChain.backFrom(chosen, valid);
      links.add(at(new DeltaChain(chain.root(), List.of()), chain.root(), lastModified));
      for (int i = 0; i < chain.deltas().size(); i++) {
        DeltaChain upTo = new DeltaChain(chain.root(), chain.deltas().subList(0, i + 1));
        links.add(at(upTo, chain.deltas().get(i), lastModified));
      }
      return links;
    }
    for (Manifest full : valid.values()) {
      if (full.kind() == Kind.ETCD && (chosen == null || chosen.ref().equals(full.ref()))) {
        links.add(at(new DeltaChain(full, List.of()), full, lastModified));
      }
    }
    for (Manifest delta : validDeltas) {
      if (chosen != null && !DeltaChain.source(delta).root().equals(chosen.id())) {
        continue;
      }
      try {
        links.add(at(DeltaChain.backFrom(delta, valid), delta, lastModified));
      } catch (IntegrityException notAChain) {
        // reported by prune and by a restore of that delta by id; never a link here
      }
    }
    return links;
  }

  private static ChainAtTime at(DeltaChain chain, Manifest link, Map<BackupRef, Instant> written) {
    Instant stored = written.get(link.ref());
    if (stored == null) {
      throw new IllegalArgumentException("no LastModified for " + link.ref());
    }
    Instant counted = stored.getNano() == 0 ? stored.plusSeconds(1).minusNanos(1) : stored;
    return new ChainAtTime(chain, link, counted);
  }

  private static NotFoundException beforeEveryLink(
      Manifest chosen, Instant time, List<ChainAtTime> links) {
    String of = chosen == null ? "" : " of " + chosen.ref();
    return links.stream()
        .min(Comparator.comparing(ChainAtTime::written))
        .map(
            earliest ->
                new NotFoundException(
                    "--to-time "
                        + time
                        + " is before the earliest restorable time"
                        + of
                        + ", "
                        + earliest.written()
                        + " (when the store wrote "
                        + earliest.link().ref()
                        + ")"))
        .orElseGet(() -> new NotFoundException("no etcd backup" + of + " to restore --to-time"));
  }
}
