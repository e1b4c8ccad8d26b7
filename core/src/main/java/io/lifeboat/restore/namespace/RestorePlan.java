package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Scope;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * What a restore will do, in the order it will do it: every selected object of the backup with its
 * action and, when restored, the object to write. Printed by {@code --dry-run}; its restored
 * objects are what {@code lifeboat namespace render --clean} writes.
 *
 * @param restoreId the id of the restore (its report's name and the {@code lifeboat.io/restore}
 *     label)
 * @param target the scope restored into, {@code <cluster>/<namespace>}: the lease's and report's
 * @param excluded objects of the backup the selection left out
 * @param runner who runs the restore (pod or host name), recorded in the lease
 * @param volumes where the PVCs come from: a volumes backup's snapshots or the archive
 */
public record RestorePlan(
    String restoreId,
    BackupRef backup,
    Scope target,
    RestoreOptions options,
    List<PlannedObject> objects,
    long excluded,
    String runner,
    VolumesPlan volumes) {

  public RestorePlan {
    objects = List.copyOf(objects);
    volumes = volumes == null ? VolumesPlan.none("no volumes backup considered") : volumes;
  }

  public long count(PlannedObject.Action action) {
    return objects.stream().filter(o -> o.action() == action).count();
  }

  /** One line per object, in order, then a summary. */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append("restore plan ")
        .append(restoreId)
        .append(": ")
        .append(backup)
        .append(" -> ")
        .append(target)
        .append(" (existing objects: ")
        .append(options.existingPolicy().name().toLowerCase(Locale.ROOT))
        .append(")\n");
    text.append("volumes: ").append(volumes.decision()).append('\n');
    int step = 0;
    for (PlannedObject o : objects) {
      text.append(String.format(Locale.ROOT, "%5d %-9s %s", ++step, verb(o), o.describe()));
      String reason = o.reason();
      if (o.action() == PlannedObject.Action.RESTORE && volumes.covers(o.archived())) {
        reason =
            o.archived().kind().equals("PersistentVolume")
                ? "skipped if its claim comes back from " + volumes.backup()
                : "from its snapshot in " + volumes.backup();
      }
      text.append(reason == null ? "" : " (" + reason + ")").append('\n');
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%d to restore, %d left to controllers, %d skipped, %d failing, %d not selected%n",
            count(PlannedObject.Action.RESTORE),
            count(PlannedObject.Action.LEAVE_TO_CONTROLLER),
            count(PlannedObject.Action.SKIP),
            count(PlannedObject.Action.FAIL),
            excluded));
    return text.toString();
  }

  /**
   * Writes the objects to restore, in order, for {@code kubectl apply -f}: a JSON {@code List}
   * (format {@code json}) or YAML documents (format {@code yaml}).
   */
  public void writeObjects(OutputStream out, String format) throws IOException {
    writeObjects(out, format, true);
  }

  /** As archived (uncleaned) when {@code clean} is false: every selected object, in order. */
  public void writeObjects(OutputStream out, String format, boolean clean) throws IOException {
    if (format.equals("yaml")) {
      YAMLMapper yaml =
          YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
      for (PlannedObject o : objects) {
        if (!clean || o.action() == PlannedObject.Action.RESTORE) {
          out.write("---\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          out.write(yaml.writeValueAsBytes(clean ? o.object() : o.archived().object()));
        }
      }
      return;
    }
    ObjectNode list = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    for (PlannedObject o : objects) {
      if (!clean || o.action() == PlannedObject.Action.RESTORE) {
        items.add(clean ? o.object() : o.archived().object());
      }
    }
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, list);
  }

  private static String verb(PlannedObject o) {
    return switch (o.action()) {
      case RESTORE -> "restore";
      case SKIP -> "skip";
      case LEAVE_TO_CONTROLLER -> "leave";
      case FAIL -> "fail";
    };
  }
}
