package io.lifeboat.prune;

import io.lifeboat.repository.Kind;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.repository.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan an expired prune lease holds, re-judged before anything of it is deleted. A lease is an
 * object in the bucket, and whoever can put objects there (a backup identity, under a policy that
 * allows {@code leases/}) can forge one naming anything; so its keys are only a hint. A key is
 * deleted only when this prune's own plan would delete it now ({@link PrunePlan#finishable}); the
 * rest is rejected with a reason and left alone: {@code lifeboat.json}, leases, keys outside the
 * lease's kind and scope, and anything the own decision keeps.
 *
 * @param covered keys this prune's own plan deletes anyway
 * @param finish keys only the inherited plan names that this prune may delete (abandoned data)
 * @param rejected keys left alone, with why
 */
public record InheritedPlan(
    List<String> covered, List<String> finish, Map<String, String> rejected) {

  public InheritedPlan {
    covered = List.copyOf(covered);
    finish = List.copyOf(finish);
    rejected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
  }

  public static InheritedPlan none() {
    return new InheritedPlan(List.of(), List.of(), Map.of());
  }

  /** Sorts {@code inherited} against {@code plan}, this prune's own plan for the same scope. */
  public static InheritedPlan vet(List<String> inherited, PrunePlan plan, Instant abandonedBefore) {
    Set<String> own = Set.copyOf(plan.keys());
    Set<String> finishable = plan.finishable(abandonedBefore);
    List<String> covered = new ArrayList<>();
    List<String> finish = new ArrayList<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    for (String key : new java.util.LinkedHashSet<>(inherited)) {
      if (own.contains(key)) {
        covered.add(key);
      } else if (finishable.contains(key)) {
        finish.add(key);
      } else {
        rejected.put(key, why(key, plan.kind(), plan.scope()));
      }
    }
    return new InheritedPlan(covered, finish, rejected);
  }

  private static String why(String key, Kind kind, Scope scope) {
    if (key.equals(RepositoryLayout.descriptor())) {
      return "the repository descriptor is never deleted";
    }
    if (key.startsWith(RepositoryLayout.LEASES)) {
      return "a lease is never deleted through a plan";
    }
    if (!key.startsWith(RepositoryLayout.catalogPrefix(kind, scope))
        && !key.startsWith(RepositoryLayout.dataPrefix(kind, scope))
        && !key.startsWith(RepositoryLayout.claimPrefix(kind, scope))) {
      return "outside the lease's kind and scope (" + kind + " " + scope + ")";
    }
    return "this prune's own decision keeps it";
  }
}
