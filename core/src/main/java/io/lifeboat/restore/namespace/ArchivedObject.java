package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object read from a namespace backup's archive, as the API served it at backup time.
 *
 * @param typeDirectory {@code <resource>[.<group>]}, the archive directory ({@code
 *     deployments.apps})
 * @param namespace the namespace it was exported from, or null when cluster-scoped
 * @param name its name
 * @param object its JSON; treat as read-only (cleaning works on a copy)
 */
public record ArchivedObject(
    String typeDirectory, String namespace, String name, ObjectNode object) {
  public boolean clusterScoped() {
    return namespace == null;
  }

  public String kind() {
    return object.path("kind").asText();
  }

  public String apiVersion() {
    return object.path("apiVersion").asText();
  }

  /** {@code deployments.apps shop/web} or {@code namespaces shop}: how reports name the object. */
  public String describe() {
    return typeDirectory + " " + (namespace == null ? name : namespace + "/" + name);
  }
}
