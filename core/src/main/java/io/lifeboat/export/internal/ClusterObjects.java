package io.lifeboat.export.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.lifeboat.export.Selection;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.kube.ApiType;
import io.lifeboat.kube.KubeFailures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster-scoped objects a namespace needs to come back: the Namespace itself, always; and,
 * unless switched off, the CRDs of its custom resources, the PersistentVolumes bound to its claims
 * and their StorageClasses, and the ClusterRoleBindings naming its ServiceAccounts with their
 * ClusterRoles. Each passes the resource selection and the opt-out label like any object.
 */
final class ClusterObjects {
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final String CRDS = "apiextensions.k8s.io";

  private final KubernetesClient client;
  private final PagedLister lister;
  private final List<ApiType> types;
  private final Selection selection;
  private final ExportTally tally;
  private final ArchiveSink sink;

  ClusterObjects(
      KubernetesClient client,
      PagedLister lister,
      List<ApiType> types,
      Selection selection,
      ExportTally tally,
      ArchiveSink sink) {
    this.client = client;
    this.lister = lister;
    this.types = types;
    this.selection = selection;
    this.tally = tally;
    this.sink = sink;
  }

  void export(String namespace, RelatedObjects related) {
    if (!selection.excludesResource("namespaces", "")) {
      fetch(type("", "namespaces"), Set.of(namespace), "the exported namespace");
    }
    if (!selection.includeClusterResources()) {
      return;
    }
    fetchAll(CRDS, "customresourcedefinitions", customResourceDefinitions(), null);
    Set<String> volumes = fetchAll("", "persistentvolumes", related.volumes(), "a bound claim");
    Set<String> classes = new TreeSet<>(related.storageClasses());
    classes.addAll(storageClassesOf(volumes));
    fetchAll("storage.k8s.io", "storageclasses", classes, "an exported claim or volume");
    Set<String> roles = clusterRoleBindings(namespace, related.serviceAccounts());
    fetchAll(RBAC, "clusterroles", roles, "an exported ClusterRoleBinding");
  }

  /** CRD names of exported types in API groups; built-in groups simply have no such CRD. */
  private Set<String> customResourceDefinitions() {
    Set<String> names = new TreeSet<>();
    for (ApiType type : tally.exportedTypes()) {
      if (type.namespaced() && !type.group().isEmpty()) {
        names.add(type.resource() + "." + type.group());
      }
    }
    return names;
  }

  private Set<String> storageClassesOf(Set<String> volumeNames) {
    Set<String> classes = new TreeSet<>();
    Optional<ApiType> volumes = type("", "persistentvolumes");
    for (String name : volumeNames) {
      volumes
          .flatMap(t -> get(t, name))
          .map(pv -> pv.get("spec", "storageClassName"))
          .filter(c -> c instanceof String s && !s.isEmpty())
          .ifPresent(c -> classes.add((String) c));
    }
    return classes;
  }

  /** Writes the bindings whose subjects include one of the namespace's ServiceAccounts. */
  private Set<String> clusterRoleBindings(String namespace, Set<String> accounts) {
    Set<String> roles = new TreeSet<>();
    Optional<ApiType> bindings = type(RBAC, "clusterrolebindings").filter(this::selected);
    if (accounts.isEmpty() || bindings.isEmpty()) {
      return roles;
    }
    try {
      lister.forEachPage(
          bindings.get(),
          null,
          null,
          page ->
              page.stream()
                  .filter(b -> namesAccount(b, namespace, accounts))
                  .filter(b -> sink.take(bindings.get(), b))
                  .forEach(b -> addClusterRole(b, roles)));
    } catch (KubernetesClientException e) {
      failed(bindings.get().typeDirectory(), e);
    }
    return roles;
  }

  @SuppressWarnings("unchecked")
  private static boolean namesAccount(
      GenericKubernetesResource binding, String namespace, Set<String> accounts) {
    Object subjects = binding.getAdditionalProperties().get("subjects");
    if (!(subjects instanceof List<?> list)) {
      return false;
    }
    return list.stream()
        .filter(s -> s instanceof Map<?, ?>)
        .map(s -> (Map<String, Object>) s)
        .anyMatch(
            s ->
                "ServiceAccount".equals(s.get("kind"))
                    && namespace.equals(s.get("namespace"))
                    && accounts.contains(s.get("name")));
  }

  private static void addClusterRole(GenericKubernetesResource binding, Set<String> roles) {
    if ("ClusterRole".equals(binding.get("roleRef", "kind"))) {
      roles.add(binding.get("roleRef", "name"));
    }
  }

  /** Fetches and writes each named object; returns the names written. */
  private Set<String> fetchAll(String group, String resource, Set<String> names, String neededBy) {
    Set<String> written = new TreeSet<>();
    if (names.isEmpty()) {
      return written;
    }
    Optional<ApiType> type = type(group, resource);
    if (type.isEmpty()) {
      tally.warn(
          ArchiveLayout.typeDirectory(resource, group)
              + " is not served: related objects "
              + names
              + " skipped");
      return written;
    }
    return selected(type.get()) ? fetch(type, names, neededBy) : written;
  }

  private Set<String> fetch(Optional<ApiType> type, Set<String> names, String neededBy) {
    Set<String> written = new TreeSet<>();
    if (type.isEmpty()) {
      return written;
    }
    for (String name : names) {
      Optional<GenericKubernetesResource> object = get(type.get(), name);
      if (object.isEmpty() && neededBy != null) {
        tally.warn(type.get().typeDirectory() + "/" + name + " named by " + neededBy + " is gone");
      }
      object.filter(o -> sink.take(type.get(), o)).ifPresent(o -> written.add(name));
    }
    return written;
  }

  private Optional<GenericKubernetesResource> get(ApiType type, String name) {
    try {
      return Optional.ofNullable(
          client.genericKubernetesResources(type.context()).withName(name).get());
    } catch (KubernetesClientException e) {
      failed(type.typeDirectory() + "/" + name, e);
      return Optional.empty();
    }
  }

  private void failed(String item, KubernetesClientException e) {
    KubeFailures.rethrowIfUnreachable(e, String.valueOf(client.getMasterUrl()));
    tally.failed(item, "read failed: " + KubeFailures.describe(e));
  }

  private boolean selected(ApiType type) {
    return selection.includesResource(type.resource(), type.group());
  }

  private Optional<ApiType> type(String group, String resource) {
    return types.stream().filter(t -> t.is(group, resource) && !t.namespaced()).findFirst();
  }
}
