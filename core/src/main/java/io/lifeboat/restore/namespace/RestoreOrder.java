package io.lifeboat.restore.namespace;

import java.util.Comparator;
import java.util.List;

/**
 * The one owner of restore order: Velero's default priorities ({@code defaultRestorePriorities}),
 * exactly as Velero lists them, then every other type alphabetically by its archive directory, then
 * Velero's low-priority tail. Within a type, objects go by namespace, then name.
 *
 * <p>An entry without a group ({@code pods}) names that resource in any group; an entry with a
 * group may be singular ({@code volumesnapshotclass.snapshot.storage.k8s.io}), as Velero resolves
 * entries through discovery. The runbook's {@code jq} filter repeats this rule; a test keeps the
 * two equal.
 */
public final class RestoreOrder {
  /** Velero's high priorities, in order. CRDs come first so their objects can be served. */
  public static final List<String> HIGH =
      List.of(
          "customresourcedefinitions",
          "namespaces",
          "storageclasses",
          "volumesnapshotclass.snapshot.storage.k8s.io",
          "volumesnapshotcontents.snapshot.storage.k8s.io",
          "volumesnapshots.snapshot.storage.k8s.io",
          "datauploads.velero.io",
          "persistentvolumes",
          "persistentvolumeclaims",
          "clusterroles",
          "roles",
          "serviceaccounts",
          "clusterrolebindings",
          "rolebindings",
          "secrets",
          "configmaps",
          "limitranges",
          "priorityclasses",
          "pods",
          "replicasets.apps",
          "clusterclasses.cluster.x-k8s.io",
          "endpoints",
          "services");

  /** Velero's low priorities, in order, restored after everything else. */
  public static final List<String> LOW =
      List.of(
          "clusterbootstraps.run.tanzu.vmware.com",
          "clusters.cluster.x-k8s.io",
          "clusterresourcesets.addons.cluster.x-k8s.io",
          "apps.kappctrl.k14s.io",
          "packageinstalls.packaging.carvel.dev");

  /** Objects in restore order. */
  public static final Comparator<ArchivedObject> OBJECTS =
      Comparator.comparing((ArchivedObject o) -> rank(o.typeDirectory()))
          .thenComparing(ArchivedObject::typeDirectory)
          .thenComparing(o -> o.namespace() == null ? "" : o.namespace())
          .thenComparing(ArchivedObject::name);

  private RestoreOrder() {}

  /** Where a type directory goes: high priorities, then the alphabetical middle, then low. */
  public static Rank rank(String typeDirectory) {
    for (int i = 0; i < HIGH.size(); i++) {
      if (matches(HIGH.get(i), typeDirectory)) {
        return new Rank(0, i);
      }
    }
    for (int i = 0; i < LOW.size(); i++) {
      if (matches(LOW.get(i), typeDirectory)) {
        return new Rank(2, i);
      }
    }
    return new Rank(1, 0);
  }

  /** Whether a priority entry names a type directory (see the class comment). */
  static boolean matches(String entry, String typeDirectory) {
    String entryResource = resource(entry);
    String entryGroup = group(entry);
    String resource = resource(typeDirectory);
    if (entryGroup.isEmpty()) {
      return resource.equals(entryResource);
    }
    return group(typeDirectory).equals(entryGroup)
        && (resource.equals(entryResource)
            || resource.equals(entryResource + "s")
            || resource.equals(entryResource + "es"));
  }

  public static boolean isCustomResourceDefinitions(String typeDirectory) {
    return typeDirectory.equals("customresourcedefinitions.apiextensions.k8s.io");
  }

  private static String resource(String typeDirectory) {
    int dot = typeDirectory.indexOf('.');
    return dot < 0 ? typeDirectory : typeDirectory.substring(0, dot);
  }

  private static String group(String typeDirectory) {
    int dot = typeDirectory.indexOf('.');
    return dot < 0 ? "" : typeDirectory.substring(dot + 1);
  }

  /** Tier 0 (high, by index), 1 (alphabetical) or 2 (low, by index). */
  public record Rank(int tier, int index) implements Comparable<Rank> {
    @Override
    public int compareTo(Rank other) {
      return tier != other.tier
          ? Integer.compare(tier, other.tier)
          : Integer.compare(index, other.index);
    }
  }
}
