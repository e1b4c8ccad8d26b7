package io.lifeboat.repository;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.regex.Pattern;

/**
 * Whose backups: {@code <cluster>} for etcd, {@code <cluster>/<namespace>} for namespaces and
 * volumes. A scope is a key segment, so both parts are DNS labels.
 */
public record Scope(ClusterName cluster, String namespace) {
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public Scope {
    if (namespace != null && !NAMESPACE.matcher(namespace).matches()) {
      throw new InvalidConfigurationException(
          "namespace must be a DNS label, was '" + namespace + "'");
    }
  }

  public static Scope cluster(ClusterName cluster) {
    return new Scope(cluster, null);
  }

  public static Scope namespace(ClusterName cluster, String namespace) {
    if (namespace == null) {
      throw new InvalidConfigurationException("namespace is required for a namespaced scope");
    }
    return new Scope(cluster, namespace);
  }

  /** Parses {@code cluster} or {@code cluster/namespace}. */
  public static Scope parse(String text) {
    int slash = text.indexOf('/');
    return slash < 0
        ? cluster(new ClusterName(text))
        : namespace(new ClusterName(text.substring(0, slash)), text.substring(slash + 1));
  }

  /** The scope as a key path: {@code prod} or {@code prod/payments}. */
  @Override
  public String toString() {
    return namespace == null ? cluster.value() : cluster.value() + "/" + namespace;
  }
}
