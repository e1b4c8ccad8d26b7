package io.lifeboat.export;

import java.util.List;
import java.util.Map;

/**
 * A namespace backup's facts, stored as the manifest's {@code source}: what was exported, how much
 * of each type, what was left out on purpose and why, and the selection that decided it. Warnings
 * and per-item failures live in the manifest's own lists.
 *
 * @param namespace the exported namespace
 * @param archiveFormat the archive's {@code metadata/version}
 * @param objects objects in the archive, cluster-scoped ones included
 * @param counts objects per type directory ({@code deployments.apps}), only types with objects
 * @param resources every type that was listed (group, version, resource, kind, count), so a restore
 *     knows the versions without reading the archive
 * @param skipped objects left out on purpose, per type and reason
 * @param shard the shard ({@code i/N}, {@link Shard}) of the run that made it; absent when the
 *     export was not sharded (and in backups made before sharding existed)
 */
public record ExportSource(
    String namespace,
    String archiveFormat,
    long objects,
    Map<String, Long> counts,
    List<Resource> resources,
    List<Skipped> skipped,
    Selection selection,
    String shard) {

  public ExportSource {
    counts = Map.copyOf(counts);
    resources = List.copyOf(resources);
    skipped = List.copyOf(skipped);
  }

  /** Facts of an export that was not sharded. */
  public ExportSource(
      String namespace,
      String archiveFormat,
      long objects,
      Map<String, Long> counts,
      List<Resource> resources,
      List<Skipped> skipped,
      Selection selection) {
    this(namespace, archiveFormat, objects, counts, resources, skipped, selection, null);
  }

  /** One listed type and how many of its objects are in the archive. */
  public record Resource(
      String group, String version, String resource, String kind, boolean namespaced, long count) {}

  /** {@code count} objects of {@code type} left out because of {@code reason}. */
  public record Skipped(String type, String reason, long count) {}
}
