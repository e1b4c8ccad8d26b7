package io.lifeboat.prune;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.etcd.delta.DeltaChain;
import io.lifeboat.etcd.delta.DeltaSource;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.CatalogListing;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Scope;
import io.lifeboat.retention.Candidate;
import io.lifeboat.retention.RetentionDecision;
import io.lifeboat.retention.RetentionDecision.Verdict;
import io.lifeboat.retention.RetentionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention of etcd delta chains (issue 17). A delta counts only when its walk back to a full
 * snapshot validates ({@link DeltaChain#backFrom}: every link's manifest valid, ranges contiguous),
 * so a forged or orphaned delta is reported and never counted. The {@code etcd-delta} policy then
 * decides over the deltas that count, and every delta a kept one is built on is kept too ("in the
 * chain of ..."); the {@code etcd} policy's decision keeps every full snapshot that is the root of
 * a counted delta ("root of the delta chain ending ..."). So a chain is kept or removed whole, from
 * its newest delta back to its full snapshot, and a full snapshot goes only after its deltas.
 */
final class ChainRetention {
  private ChainRetention() {}

  /** The counted chains by tip, and the deltas that belong to none with the reason. */
  record Chains(Map<BackupId, DeltaChain> byDelta, List<CatalogEntry> broken) {}

  static Chains chains(CatalogListing deltas, CatalogListing fulls, Scope scope) {
    Map<BackupRef, Manifest> valid = new HashMap<>();
    List<Manifest> candidates = new ArrayList<>();
    for (CatalogEntry entry : deltas.validateAll()) {
      deltas
          .manifest(entry.ref())
          .ifPresent(
              m -> {
                valid.put(entry.ref(), m);
                candidates.add(m);
              });
    }
    for (Manifest delta : candidates) {
      String root =
          delta.source(DeltaSource.class) == null ? null : delta.source(DeltaSource.class).root();
      if (root != null && BackupId.looksLikeId(root)) {
        BackupRef ref = new BackupRef(Kind.ETCD, scope, BackupId.parse(root));
        if (fulls.entry(ref).isPresent()
            && fulls.validate(ref).status() == CatalogEntry.Status.VALID) {
          fulls.manifest(ref).ifPresent(m -> valid.put(ref, m));
        }
      }
    }
    Map<BackupId, DeltaChain> byDelta = new LinkedHashMap<>();
    List<CatalogEntry> broken = new ArrayList<>();
    for (Manifest delta : candidates) {
      try {
        byDelta.put(delta.ref().id(), DeltaChain.backFrom(delta, valid));
      } catch (IntegrityException | IllegalArgumentException e) {
        CatalogEntry entry = deltas.entry(delta.ref()).orElseThrow();
        broken.add(
            new CatalogEntry(
                entry.ref(),
                CatalogEntry.Status.INVALID,
                "in no valid delta chain: " + e.getMessage(),
                entry.lastModified(),
                entry.size()));
      }
    }
    return new Chains(byDelta, broken);
  }

  /** The {@code etcd-delta} decision: the policy over counted deltas, closed over their chains. */
  static RetentionDecision deltas(Chains chains, RetentionPolicy policy, Instant now) {
    List<BackupId> counted = new ArrayList<>(chains.byDelta().keySet());
    counted.sort(null);
    RetentionDecision decision =
        policy.decide(counted.stream().map(Candidate::complete).toList(), now);
    Map<BackupId, String> chained = new HashMap<>();
    for (BackupId tip : decision.kept()) {
      for (Manifest link : chains.byDelta().get(tip).deltas()) {
        chained.putIfAbsent(link.ref().id(), "in the chain of " + tip);
      }
    }
    return keep(decision, chained);
  }

  /** The {@code etcd} decision with every root of a counted delta kept. */
  static RetentionDecision roots(RetentionDecision decision, Chains chains) {
    Map<BackupId, String> roots = new HashMap<>();
    chains
        .byDelta()
        .forEach(
            (tip, chain) ->
                roots.merge(
                    chain.root().ref().id(),
                    "root of the delta chain ending " + tip,
                    (a, b) -> a.compareTo(b) >= 0 ? a : b));
    return keep(decision, roots);
  }

  private static RetentionDecision keep(RetentionDecision decision, Map<BackupId, String> extra) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Verdict verdict : decision.verdicts()) {
      String reason = extra.get(verdict.id());
      verdicts.add(
          verdict.keep() || reason == null
              ? verdict
              : new Verdict(verdict.id(), true, List.of(reason)));
    }
    return new RetentionDecision(decision.policy(), decision.now(), verdicts, decision.ignored());
  }
}
