package io.lifeboat.export.archive;

import java.util.Optional;

/**
 * The one owner of the export archive's paths (see the package documentation for the format).
 * Writers and readers both go through it, so the layout cannot drift between backup and restore.
 */
public final class ArchiveLayout {
  /** The payload's name before encoding; the stored object adds {@code .zst} and {@code .age}. */
  public static final String PAYLOAD = "resources.tar";

  public static final String VERSION_PATH = "metadata/version";

  /** Major archive format; bumped when an older reader could misread a newer archive. */
  public static final String FORMAT_VERSION = "1";

  private static final String RESOURCES = "resources/";
  private static final String NAMESPACES = "/namespaces/";
  private static final String CLUSTER = "/cluster/";
  private static final String JSON = ".json";

  private ArchiveLayout() {}

  /** {@code configmaps} for the core group, {@code deployments.apps} otherwise. */
  public static String typeDirectory(String resource, String group) {
    if (resource == null || resource.isEmpty() || resource.contains("/")) {
      throw new IllegalArgumentException("resource must be a plural name, was '" + resource + "'");
    }
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  /** {@code resources/<type>/namespaces/<namespace>/<name>.json}. */
  public static String namespacedObject(String typeDirectory, String namespace, String name) {
    return RESOURCES + typeDirectory + NAMESPACES + segment(namespace) + "/" + segment(name) + JSON;
  }

  /** {@code resources/<type>/cluster/<name>.json}. */
  public static String clusterObject(String typeDirectory, String name) {
    return RESOURCES + typeDirectory + CLUSTER + segment(name) + JSON;
  }

  /** What an object path names; empty for {@code metadata/version} and foreign paths. */
  public static Optional<Entry> parse(String path) {
    if (!path.startsWith(RESOURCES) || !path.endsWith(JSON)) {
      return Optional.empty();
    }
    String rest = path.substring(RESOURCES.length(), path.length() - JSON.length());
    String[] parts = rest.split("/", -1);
    if (parts.length == 3 && parts[1].equals("cluster")) {
      return Optional.of(new Entry(parts[0], null, parts[2]));
    }
    if (parts.length == 4 && parts[1].equals("namespaces")) {
      return Optional.of(new Entry(parts[0], parts[2], parts[3]));
    }
    return Optional.empty();
  }

  private static String segment(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("object name must be a path segment, was '" + name + "'");
    }
    if (name.contains("/")) {
      throw new IllegalArgumentException("object name must not contain '/', was '" + name + "'");
    }
    return name;
  }

  /**
   * One object's place in the archive.
   *
   * @param typeDirectory {@code <resource>[.<group>]}
   * @param namespace the namespace, or null for a cluster-scoped object
   * @param name the object's name
   */
  public record Entry(String typeDirectory, String namespace, String name) {
    public boolean clusterScoped() {
      return namespace == null;
    }
  }
}
