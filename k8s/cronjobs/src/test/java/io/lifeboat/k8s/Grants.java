package io.lifeboat.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * What one ServiceAccount may do according to rendered manifests: the rules of every Role and
 * ClusterRole bound to it, each with the namespace it applies in (null: every namespace). Evaluated
 * as the RBAC authorizer does: a request is allowed when any rule matches its verb, group and
 * resource ({@code *} matching all).
 */
final class Grants {
  record Grant(PolicyRule rule, String namespace, String source) {
    boolean allows(ApiRequest request) {
      return (namespace == null || namespace.equals(request.namespace()))
          && matches(rule.getVerbs(), request.verb())
          && matches(rule.getApiGroups(), request.group())
          && matches(rule.getResources(), request.resource())
          && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty());
    }

    boolean wildcardResources() {
      return rule.getResources().contains("*") || rule.getApiGroups().contains("*");
    }
  }

  final List<Grant> grants = new ArrayList<>();

  static Grants of(List<HasMetadata> objects, String namespace, String serviceAccount) {
    Grants result = new Grants();
    for (HasMetadata o : objects) {
      if (o instanceof ClusterRoleBinding binding
          && bound(binding.getSubjects(), namespace, serviceAccount)) {
        result.add(objects, binding.getRoleRef(), null, "ClusterRoleBinding " + name(o));
      } else if (o instanceof RoleBinding binding
          && bound(binding.getSubjects(), namespace, serviceAccount)) {
        result.add(
            objects,
            binding.getRoleRef(),
            o.getMetadata().getNamespace(),
            "RoleBinding " + name(o));
      }
    }
    return result;
  }

  boolean allows(ApiRequest request) {
    return grants.stream().anyMatch(g -> g.allows(request));
  }

  private void add(List<HasMetadata> objects, RoleRef ref, String namespace, String via) {
    for (HasMetadata o : objects) {
      if (!o.getKind().equals(ref.getKind()) || !name(o).equals(ref.getName())) {
        continue;
      }
      if (o instanceof ClusterRole role) {
        role.getRules().forEach(r -> grants.add(new Grant(r, namespace, via)));
      } else if (o instanceof Role role && o.getMetadata().getNamespace().equals(namespace)) {
        role.getRules().forEach(r -> grants.add(new Grant(r, namespace, via)));
      }
    }
  }

  private static boolean bound(List<Subject> subjects, String namespace, String serviceAccount) {
    return subjects != null
        && subjects.stream()
            .anyMatch(
                s ->
                    "ServiceAccount".equals(s.getKind())
                        && serviceAccount.equals(s.getName())
                        && namespace.equals(s.getNamespace()));
  }

  private static boolean matches(List<String> allowed, String value) {
    return allowed != null && (allowed.contains("*") || allowed.contains(value));
  }

  private static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }
}
