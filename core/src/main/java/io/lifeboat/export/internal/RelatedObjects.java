package io.lifeboat.export.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.lifeboat.kube.ApiType;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names of cluster-scoped objects that exported namespaced objects point at, gathered while they
 * stream past: PersistentVolumes bound to claims, StorageClasses of claims and volumes, and the
 * namespace's ServiceAccounts (whose ClusterRoleBindings are looked up later). Names only, a few
 * per claim or account, never objects.
 */
final class RelatedObjects {
  private final Set<String> volumes = new TreeSet<>();
  private final Set<String> storageClasses = new TreeSet<>();
  private final Set<String> serviceAccounts = new TreeSet<>();

  void observe(ApiType type, GenericKubernetesResource object) {
    if (type.is("", "persistentvolumeclaims")) {
      addIfSet(volumes, object.get("spec", "volumeName"));
      addIfSet(storageClasses, object.get("spec", "storageClassName"));
    } else if (type.is("", "persistentvolumes")) {
      addIfSet(storageClasses, object.get("spec", "storageClassName"));
    } else if (type.is("", "serviceaccounts")) {
      serviceAccounts.add(object.getMetadata().getName());
    }
  }

  Set<String> volumes() {
    return volumes;
  }

  Set<String> storageClasses() {
    return storageClasses;
  }

  Set<String> serviceAccounts() {
    return serviceAccounts;
  }

  private static void addIfSet(Set<String> names, Object value) {
    if (value instanceof String name && !name.isEmpty()) {
      names.add(name);
    }
  }
}
