package io.lifeboat.restore.namespace;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --namespace-mapping old:new}: restores objects of {@code old} into {@code new}, rewriting
 * their namespace, the Namespace object's name, PersistentVolume claimRefs and (Cluster)RoleBinding
 * subjects that point at {@code old}.
 */
public record NamespaceMapping(Map<String, String> mapping) {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

  public NamespaceMapping {
    mapping = Map.copyOf(mapping);
  }

  public static NamespaceMapping none() {
    return new NamespaceMapping(Map.of());
  }

  /** Parses {@code old:new} pairs; a malformed pair is a configuration error quoting it. */
  public static NamespaceMapping parse(List<String> pairs) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String pair : pairs == null ? List.<String>of() : pairs) {
      for (String one : pair.split(",")) {
        String[] parts = one.strip().split(":", -1);
        if (parts.length != 2 || !parts[0].matches(LABEL) || !parts[1].matches(LABEL)) {
          throw new InvalidConfigurationException(
              "namespace mapping must be old:new with DNS labels, was '" + one + "'");
        }
        mapping.put(parts[0], parts[1]);
      }
    }
    return new NamespaceMapping(mapping);
  }

  /** The namespace {@code namespace} is restored into (itself when unmapped; null stays null). */
  public String map(String namespace) {
    return namespace == null ? null : mapping.getOrDefault(namespace, namespace);
  }
}
