package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of where a restored object may go. The archive path ({@link
 * io.lifeboat.export.archive.ArchiveLayout}), not the object's JSON, decides: a namespaced object
 * goes to its path's namespace after {@code --namespace-mapping}, which must be the backup's own
 * namespace; a cluster-scoped object only comes from a {@code cluster/} path, and only of the types
 * an export writes there. An object whose JSON disagrees with its path is refused (a failure in the
 * report, exit 3), since the bucket is untrusted input: a forged archive must not write into {@code
 * kube-system} or the restore client's default namespace.
 *
 * <p>Refusal reasons name the rule and the JSON pointer, never a value from the object.
 */
public final class Placement {
  /** Types that are cluster-scoped in every cluster: refused under a {@code namespaces/} path. */
  static final Set<String> CLUSTER_TYPES =
      Set.of(
          "namespaces",
          "persistentvolumes",
          "nodes",
          "customresourcedefinitions.apiextensions.k8s.io",
          "storageclasses.storage.k8s.io",
          "clusterroles.rbac.authorization.k8s.io",
          "clusterrolebindings.rbac.authorization.k8s.io",
          "priorityclasses.scheduling.k8s.io",
          "mutatingwebhookconfigurations.admissionregistration.k8s.io",
          "validatingwebhookconfigurations.admissionregistration.k8s.io",
          "apiservices.apiregistration.k8s.io");

  /**
   * The only cluster-scoped types a namespace backup holds (the export's {@code ClusterObjects}):
   * anything else under a {@code cluster/} path (a webhook configuration, an APIService, a
   * namespaced type) is refused, so a forged archive cannot add cluster-wide machinery.
   */
  static final Set<String> EXPORTED_CLUSTER_TYPES =
      Set.of(
          "namespaces",
          "customresourcedefinitions.apiextensions.k8s.io",
          "persistentvolumes",
          "storageclasses.storage.k8s.io",
          "clusterroles.rbac.authorization.k8s.io",
          "clusterrolebindings.rbac.authorization.k8s.io");

  /** Core types that are namespaced in every cluster: refused under a {@code cluster/} path. */
  static final Set<String> NAMESPACED_TYPES =
      Set.of(
          "configmaps",
          "secrets",
          "serviceaccounts",
          "services",
          "pods",
          "persistentvolumeclaims",
          "endpoints",
          "limitranges",
          "resourcequotas",
          "roles.rbac.authorization.k8s.io",
          "rolebindings.rbac.authorization.k8s.io",
          "deployments.apps",
          "statefulsets.apps",
          "daemonsets.apps",
          "replicasets.apps",
          "jobs.batch",
          "cronjobs.batch");

  private Placement() {}

  /**
   * Why {@code archived} must not be restored from a backup of {@code sourceNamespace}; empty when
   * its JSON agrees with its archive path.
   */
  public static Optional<String> refusal(ArchivedObject archived, String sourceNamespace) {
    ObjectNode object = archived.object();
    JsonNode metadata = object.path("metadata");
    if (!object.path("kind").isTextual() || !object.path("apiVersion").isTextual()) {
      return Optional.of("refused: /kind or /apiVersion is missing or not a string");
    }
    if (!metadata.path("name").isTextual()
        || !metadata.path("name").asText().equals(archived.name())) {
      return Optional.of("refused: /metadata/name differs from its archive path");
    }
    JsonNode namespace = metadata.path("namespace");
    boolean namespaceSet = !namespace.isMissingNode() && !namespace.isNull();
    String type = archived.typeDirectory();
    if (archived.clusterScoped()) {
      if (namespaceSet && !namespace.asText().isEmpty()) {
        return Optional.of("refused: /metadata/namespace is set on an object from a cluster/ path");
      }
      if (NAMESPACED_TYPES.contains(type)) {
        return Optional.of("refused: " + type + " is namespaced but its archive path is cluster/");
      }
      if (!EXPORTED_CLUSTER_TYPES.contains(type)) {
        return Optional.of("refused: a namespace backup holds no cluster-scoped " + type);
      }
      if (type.equals("namespaces") && !archived.name().equals(sourceNamespace)) {
        return Optional.of(
            "refused: a Namespace other than the backup's own (" + sourceNamespace + ")");
      }
      return Optional.empty();
    }
    if (!archived.namespace().equals(sourceNamespace)) {
      return Optional.of(
          "refused: its archive path is not under the backup's namespace " + sourceNamespace);
    }
    if (CLUSTER_TYPES.contains(type)) {
      return Optional.of("refused: " + type + " is cluster-scoped but its archive path is not");
    }
    if (namespaceSet && !namespace.asText().equals(archived.namespace())) {
      return Optional.of(
          "refused: /metadata/namespace differs from its archive path's namespace "
              + archived.namespace());
    }
    return Optional.empty();
  }

  /**
   * Why an object ready to write is not where its archive path says (a resource modifier moved it);
   * empty when it is.
   */
  public static Optional<String> moved(ArchivedObject archived, ObjectNode object, String target) {
    JsonNode namespace = object.path("metadata").path("namespace");
    if (archived.clusterScoped()) {
      return namespace.isMissingNode()
          ? Optional.empty()
          : Optional.of("refused: /metadata/namespace was set by a resource modifier");
    }
    return namespace.isTextual() && namespace.asText().equals(target)
        ? Optional.empty()
        : Optional.of("refused: /metadata/namespace was changed by a resource modifier");
  }
}
