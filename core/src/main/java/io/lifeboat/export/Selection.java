package io.lifeboat.export;

import io.lifeboat.kube.Glob;
import io.lifeboat.kube.LabelSelector;
import java.util.List;

/**
 * What an export takes, Velero's way. Namespace and resource patterns are globs ({@code *}, {@code
 * ?}); resources are named {@code <resource>.<group>} ({@code deployments.apps}) or, for the core
 * group and as a shorthand for every group, by plural alone ({@code configmaps}). An empty include
 * list means everything. Label selectors use Kubernetes syntax ({@code app=web,tier in (a,b)}); an
 * object is taken when it matches any of them (none: every object). Objects labelled {@code
 * lifeboat.io/exclude=true} are never taken.
 *
 * @param includeClusterResources whether the cluster-scoped objects the namespace depends on (its
 *     CRDs, bound PVs and StorageClasses, ClusterRoleBindings of its ServiceAccounts and their
 *     ClusterRoles) are exported with it
 */
public record Selection(
    List<String> includeNamespaces,
    List<String> excludeNamespaces,
    List<String> includeResources,
    List<String> excludeResources,
    List<String> labelSelectors,
    boolean includeClusterResources) {
  public static final String EXCLUDE_LABEL = "lifeboat.io/exclude";

  public Selection {
    includeNamespaces = copy(includeNamespaces);
    excludeNamespaces = copy(excludeNamespaces);
    includeResources = copy(includeResources);
    excludeResources = copy(excludeResources);
    labelSelectors = copy(labelSelectors);
    labelSelectors.forEach(LabelSelector::parse);
  }

  /** Every namespace, every resource, related cluster-scoped objects included. */
  public static Selection all() {
    return new Selection(List.of(), List.of(), List.of(), List.of(), List.of(), true);
  }

  public Selection withNamespaces(List<String> include, List<String> exclude) {
    return new Selection(
        include,
        exclude,
        includeResources,
        excludeResources,
        labelSelectors,
        includeClusterResources);
  }

  public Selection withResources(List<String> include, List<String> exclude) {
    return new Selection(
        includeNamespaces,
        excludeNamespaces,
        include,
        exclude,
        labelSelectors,
        includeClusterResources);
  }

  public Selection withLabelSelectors(List<String> selectors) {
    return new Selection(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        selectors,
        includeClusterResources);
  }

  public Selection withClusterResources(boolean include) {
    return new Selection(
        includeNamespaces,
        excludeNamespaces,
        includeResources,
        excludeResources,
        labelSelectors,
        include);
  }

  public boolean includesNamespace(String namespace) {
    return (includeNamespaces.isEmpty() || Glob.anyMatches(includeNamespaces, namespace))
        && !Glob.anyMatches(excludeNamespaces, namespace);
  }

  /** Whether objects of {@code resource} in {@code group} ("" for core) are taken. */
  public boolean includesResource(String resource, String group) {
    String full = group.isEmpty() ? resource : resource + "." + group;
    boolean included =
        includeResources.isEmpty()
            || Glob.anyMatches(includeResources, full)
            || Glob.anyMatches(includeResources, resource);
    return included && !excludesResource(resource, group);
  }

  /**
   * Whether {@code resource} is excluded by name. The exported Namespace object itself is kept
   * unless excluded this way, as a restore needs its labels and annotations.
   */
  public boolean excludesResource(String resource, String group) {
    String full = group.isEmpty() ? resource : resource + "." + group;
    return Glob.anyMatches(excludeResources, full) || Glob.anyMatches(excludeResources, resource);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
