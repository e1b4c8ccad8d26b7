package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Scope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a restore will do, in the order it will do it: every selected object of the backup with its
 * action and, when restored, the object to write. Printed by {@code --dry-run}; its restored
 * objects are what {@code lifeboat namespace render --clean} writes. The objects are read a batch
 * at a time ({@link PlannedObjects}); close the plan to remove what it keeps on disk.
 *
 * @param restoreId the id of the restore (its report's name and the {@code lifeboat.io/restore}
 *     label)
 * @param target the scope restored into, {@code <cluster>/<namespace>}: the lease's and report's
 * @param planned the objects, type by type in restore order
 * @param excluded objects of the backup the selection left out
 * @param runner who runs the restore (pod or host name), recorded in the lease
 * @param volumes where the PVCs come from: a volumes backup's snapshots or the archive
 */
public record RestorePlan(
    String restoreId,
    BackupRef backup,
    Scope target,
    RestoreOptions options,
    PlannedObjects planned,
    long excluded,
    String runner,
    VolumesPlan volumes)
    implements AutoCloseable {

  public RestorePlan {
    volumes = volumes == null ? VolumesPlan.none("no volumes backup considered") : volumes;
  }

  /** A plan of objects already in memory (rendering a few objects, tests). */
  public RestorePlan(
      String restoreId,
      BackupRef backup,
      Scope target,
      RestoreOptions options,
      List<PlannedObject> objects,
      long excluded,
      String runner,
      VolumesPlan volumes) {
    this(restoreId, backup, target, options, PlannedObjects.of(objects), excluded, runner, volumes);
  }

  /**
   * Every object, in order, all in memory at once: for small plans and tests. A restore, the dry
   * run and render go batch by batch instead.
   */
  public List<PlannedObject> objects() {
    List<PlannedObject> all = new ArrayList<>();
    planned.forEachBatch(all::addAll);
    return all;
  }

  public long count(PlannedObject.Action action) {
    long[] count = {0};
    planned.forEachBatch(
        batch -> count[0] += batch.stream().filter(o -> o.action() == action).count());
    return count[0];
  }

  /** One line per object, in order, then a summary. */
  public String render() {
    StringBuilder text = new StringBuilder();
    render(text);
    return text.toString();
  }

  /** As {@link #render()}, written to {@code out} a batch at a time. */
  public void render(Appendable out) {
    long[] counts = new long[PlannedObject.Action.values().length];
    try {
      out.append("restore plan ")
          .append(restoreId)
          .append(": ")
          .append(String.valueOf(backup))
          .append(" -> ")
          .append(String.valueOf(target))
          .append(" (existing objects: ")
          .append(options.existingPolicy().name().toLowerCase(Locale.ROOT))
          .append(")\n");
      out.append("volumes: ").append(volumes.decision()).append('\n');
      int[] step = {0};
      planned.forEachBatch(
          batch -> {
            for (PlannedObject o : batch) {
              counts[o.action().ordinal()]++;
              line(out, ++step[0], o);
            }
          });
      out.append(
          String.format(
              Locale.ROOT,
              "%d to restore, %d left to controllers, %d skipped, %d failing, %d not selected%n",
              counts[PlannedObject.Action.RESTORE.ordinal()],
              counts[PlannedObject.Action.LEAVE_TO_CONTROLLER.ordinal()],
              counts[PlannedObject.Action.SKIP.ordinal()],
              counts[PlannedObject.Action.FAIL.ordinal()],
              excluded));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void line(Appendable out, int step, PlannedObject o) {
    String reason = o.reason();
    if (o.action() == PlannedObject.Action.RESTORE && volumes.covers(o.archived())) {
      reason =
          o.archived().kind().equals("PersistentVolume")
              ? "skipped if its claim comes back from " + volumes.backup()
              : "from its snapshot in " + volumes.backup();
    }
    try {
      out.append(String.format(Locale.ROOT, "%5d %-9s %s", step, verb(o), o.describe()))
          .append(reason == null ? "" : " (" + reason + ")")
          .append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    try {
      if (format.equals("yaml")) {
        YAMLMapper yaml =
            YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
        forEachWritten(
            clean,
            object -> {
              out.write("---\n".getBytes(StandardCharsets.UTF_8));
              out.write(yaml.writeValueAsBytes(object));
            });
        return;
      }
      JsonGenerator json = Json.MAPPER.createGenerator(out);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("apiVersion", "v1");
      json.writeStringField("kind", "List");
      json.writeArrayFieldStart("items");
      forEachWritten(clean, json::writeTree);
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private interface EachObject {
    void write(ObjectNode object) throws IOException;
  }

  private void forEachWritten(boolean clean, EachObject writer) {
    planned.forEachBatch(
        batch -> {
          for (PlannedObject o : batch) {
            boolean refused = o.archived().object().isEmpty();
            if (clean ? o.action() == PlannedObject.Action.RESTORE : !refused) {
              try {
                writer.write(clean ? o.object() : o.archived().object());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }
        });
  }

  /** Removes the objects the plan keeps on disk. */
  @Override
  public void close() {
    planned.close();
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
