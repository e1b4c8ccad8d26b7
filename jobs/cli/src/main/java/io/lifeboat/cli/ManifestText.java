package io.lifeboat.cli;

import io.lifeboat.repository.DataObject;
import io.lifeboat.repository.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;

/** A manifest as a person reads it: the facts first, then objects, warnings and failures. */
final class ManifestText {
  private ManifestText() {}

  static String render(Manifest m) {
    StringBuilder out = new StringBuilder();
    line(out, "Backup", m.kind() + " " + m.scope() + "/" + m.id());
    line(out, "Slot", m.slot() == null ? "manual run" : m.slot());
    Instant now = Instant.now();
    ZoneId zone = ZoneId.systemDefault();
    line(out, "Started", Human.time(m.startedAt(), now, zone));
    line(
        out,
        "Completed",
        Human.time(m.completedAt(), now, zone)
            + ", took "
            + Human.duration(Duration.between(m.startedAt(), m.completedAt())));
    line(out, "Tool", m.tool());
    line(out, "Compression", m.compression());
    line(
        out,
        "Encryption",
        m.encryption() == null
            ? "none"
            : m.encryption().scheme() + " " + m.encryption().recipients());
    if (m.kubeSystemUid() != null) {
      line(out, "kube-system UID", m.kubeSystemUid());
    }
    if (m.source() != null) {
      out.append("Source:\n");
      for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it =
              m.source().fields();
          it.hasNext(); ) {
        var field = it.next();
        String value =
            field.getValue().isValueNode()
                ? field.getValue().asText()
                : field.getValue().toString();
        out.append("  ").append(field.getKey()).append(": ").append(value).append('\n');
      }
    }
    out.append("Objects:\n");
    for (DataObject o : m.objects()) {
      out.append(
          String.format(
              "  %-28s %10s  sha256 (stored object) %s%n",
              o.name(), Human.size(o.size()), o.sha256()));
    }
    m.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
    m.failures()
        .forEach(
            f ->
                out.append("Failed: ")
                    .append(f.item())
                    .append(": ")
                    .append(f.reason())
                    .append('\n'));
    return out.toString().stripTrailing();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format("%-16s %s%n", label + ":", value));
  }
}
