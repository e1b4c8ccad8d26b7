package io.lifeboat.prune;

import io.lifeboat.text.Count;
import java.util.List;
import java.util.Map;

/**
 * What one execution deleted. Refusals are results, not failures: an object under S3 Object Lock
 * retention stays, is listed here with the store's reason, and the prune still succeeds.
 *
 * @param catalogEntries catalog entries deleted (backups removed)
 * @param deleted every key deleted (or already absent), in order
 * @param refused keys the store would not delete, with its reason (e.g. {@code AccessDenied: ...})
 * @param kept data folders deliberately left in place, with why: their catalog entry was refused,
 *     or what they hold outside the store could not be reclaimed
 * @param reclaimed resources deleted outside the store (VolumeSnapshotContents), one line each
 * @param leftAlone resources outside the store a backup's data named but that are not provably that
 *     backup's (no Lifeboat marks, another backup's or scope's marks, another namespace), left
 *     untouched, with why
 * @param uploadsAborted incomplete uploads aborted
 * @param requests delete and abort requests issued (1,000 keys per delete request)
 */
public record PruneReport(
    int catalogEntries,
    List<String> deleted,
    Map<String, String> refused,
    Map<String, String> kept,
    List<String> reclaimed,
    Map<String, String> leftAlone,
    int uploadsAborted,
    long requests) {
  public PruneReport {
    deleted = List.copyOf(deleted);
    refused = Map.copyOf(refused);
    kept = Map.copyOf(kept);
    reclaimed = List.copyOf(reclaimed);
    leftAlone = Map.copyOf(leftAlone);
  }

  public static PruneReport empty() {
    return new PruneReport(0, List.of(), Map.of(), Map.of(), List.of(), Map.of(), 0, 0);
  }

  /** One line, e.g. {@code 3 backups removed, 9 objects deleted, 1 refused (Object Lock), ...}. */
  public String summary() {
    return Count.of(catalogEntries, "backup")
        + " removed, "
        + Count.of(deleted.size(), "object")
        + " deleted, "
        + refused.size()
        + " refused by the store (Object Lock), "
        + Count.of(kept.size(), "data folder")
        + " kept, "
        + Count.of(reclaimed.size(), "external resource")
        + " reclaimed, "
        + leftAlone.size()
        + " left alone (not provably Lifeboat's), "
        + Count.of(uploadsAborted, "upload")
        + " aborted"
        + leftAloneDetails();
  }

  /** The first few left-alone resources by name: an operator must see what a manifest named. */
  private String leftAloneDetails() {
    if (leftAlone.isEmpty()) {
      return "";
    }
    var lines =
        new java.util.TreeMap<>(leftAlone)
            .entrySet().stream()
                .limit(10)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .toList();
    return "; left alone: "
        + String.join(", ", lines)
        + (leftAlone.size() > lines.size() ? ", ..." : "");
  }
}
