package io.lifeboat.export.internal;

import io.lifeboat.export.ExportSource;
import io.lifeboat.export.Selection;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.kube.ApiType;
import io.lifeboat.repository.ItemFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one export as it runs: objects per type, skips per type and reason, warnings and
 * per-item failures. It holds counts and messages, never objects.
 */
public final class ExportTally {
  private final Map<String, ApiType> listed = new LinkedHashMap<>();
  private final Map<String, Long> counts = new TreeMap<>();
  private final Map<List<String>, Long> skipped = new TreeMap<>(ExportTally::compare);
  private final List<String> warnings = new ArrayList<>();
  private final List<ItemFailure> failures = new ArrayList<>();

  public void listed(ApiType type) {
    listed.putIfAbsent(type.typeDirectory(), type);
  }

  public void exported(ApiType type) {
    listed(type);
    counts.merge(type.typeDirectory(), 1L, Long::sum);
  }

  public void skipped(ApiType type, String reason) {
    skipped.merge(List.of(type.typeDirectory(), reason), 1L, Long::sum);
  }

  public void warn(String warning) {
    warnings.add(warning);
  }

  public void failed(String item, String reason) {
    failures.add(new ItemFailure(item, reason));
  }

  public long count(ApiType type) {
    return counts.getOrDefault(type.typeDirectory(), 0L);
  }

  public List<ApiType> exportedTypes() {
    return listed.values().stream().filter(t -> count(t) > 0).toList();
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public List<ItemFailure> failures() {
    return List.copyOf(failures);
  }

  public ExportSource source(String namespace, Selection selection, String shard) {
    List<ExportSource.Resource> resources =
        listed.values().stream()
            .sorted(java.util.Comparator.comparing(ApiType::typeDirectory))
            .map(
                t ->
                    new ExportSource.Resource(
                        t.group(), t.version(), t.resource(), t.kind(), t.namespaced(), count(t)))
            .toList();
    List<ExportSource.Skipped> skips = new ArrayList<>();
    skipped.forEach((key, n) -> skips.add(new ExportSource.Skipped(key.get(0), key.get(1), n)));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new ExportSource(
        namespace, ArchiveLayout.FORMAT_VERSION, total, counts, resources, skips, selection, shard);
  }

  private static int compare(List<String> a, List<String> b) {
    int byType = a.get(0).compareTo(b.get(0));
    return byType != 0 ? byType : a.get(1).compareTo(b.get(1));
  }
}
