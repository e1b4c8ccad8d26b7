package io.lifeboat.cli;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rendering of {@code backups list}: ID, KIND, SCOPE, CREATED, SIZE, DURATION, STATUS, and
 * SHARD when some listed namespace backup was made by a sharded export (its {@code i/N}). STATUS is
 * the catalog's judgement of the entry ({@code invalid: reason}, {@code back-dated: ...}, see
 * {@link CatalogEntry.Status}) or, for a valid entry, {@link #status} of its manifest.
 */
final class BackupTable {
  private BackupTable() {}

  /** One listed backup; {@code bytes} and {@code took} are null when the manifest did not read. */
  record Row(BackupRef ref, Long bytes, Duration took, String status, String shard) {
    Row(BackupRef ref, Long bytes, Duration took, String status) {
      this(ref, bytes, took, status, null);
    }
  }

  static List<Row> rows(Repository repository, List<CatalogEntry> entries) {
    List<Row> rows = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      BackupRef ref = entry.ref();
      if (!entry.counts()) {
        String reason = entry.reason().isEmpty() ? "" : ": " + entry.reason();
        rows.add(new Row(ref, null, null, entry.status().text() + reason));
        continue;
      }
      try {
        Manifest m = repository.manifest(ref);
        long bytes = m.objects().stream().mapToLong(DataObject::size).sum();
        Duration took = Duration.between(m.startedAt(), m.completedAt());
        rows.add(new Row(ref, bytes, took, status(m), shard(m)));
      } catch (IntegrityException | NotFoundException unreadable) {
        // This backup is damaged or half-deleted; an unreachable store still fails the listing.
        rows.add(new Row(ref, null, null, "invalid: " + unreadable.getMessage()));
      }
    }
    return rows;
  }

  /** The export shard recorded in a namespace backup's source; null when not sharded. */
  static String shard(Manifest m) {
    if (m.kind() != Kind.NAMESPACE || m.source() == null) {
      return null;
    }
    var shard = m.source().get("shard");
    return shard == null || !shard.isTextual() ? null : shard.asText();
  }

  static String status(Manifest m) {
    return m.failures().isEmpty() ? "complete" : "partial: " + m.failures().size() + " failed";
  }

  static String render(List<Row> rows, Instant now, ZoneId zone) {
    boolean sharded = rows.stream().anyMatch(r -> r.shard() != null);
    List<String[]> cells = new ArrayList<>();
    List<String> header =
        new ArrayList<>(List.of("ID", "KIND", "SCOPE", "CREATED", "SIZE", "DURATION", "STATUS"));
    if (sharded) {
      header.add(6, "SHARD");
    }
    cells.add(header.toArray(String[]::new));
    for (Row r : rows) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  r.ref().id().toString(),
                  r.ref().kind().segment(),
                  r.ref().scope().toString(),
                  Human.time(r.ref().id().time(), now, zone),
                  r.bytes() == null ? "-" : Human.size(r.bytes()),
                  r.took() == null ? "-" : Human.duration(r.took()),
                  r.status()));
      if (sharded) {
        row.add(6, r.shard() == null ? "-" : r.shard());
      }
      cells.add(row.toArray(String[]::new));
    }
    int[] widths = new int[header.size()];
    cells.forEach(
        c -> {
          for (int i = 0; i < c.length; i++) {
            widths[i] = Math.max(widths[i], c[i].length());
          }
        });
    StringBuilder out = new StringBuilder();
    for (String[] c : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < c.length; i++) {
        line.append(String.format("%-" + widths[i] + "s   ", c[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The same rows for -o json|yaml: ISO-8601 times, bytes and seconds, for scripts. */
  static List<Map<String, Object>> documents(List<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.ref().id().toString());
      row.put("kind", r.ref().kind().segment());
      row.put("scope", r.ref().scope().toString());
      row.put("created", r.ref().id().time().toString());
      row.put("bytes", r.bytes());
      row.put("durationSeconds", r.took() == null ? null : r.took().toMillis() / 1000.0);
      row.put("status", r.status());
      row.put("shard", r.shard());
      out.add(row);
    }
    return out;
  }
}
