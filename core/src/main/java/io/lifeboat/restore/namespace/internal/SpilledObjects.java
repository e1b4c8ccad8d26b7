package io.lifeboat.restore.namespace.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.restore.namespace.ArchivedObject;
import io.lifeboat.restore.namespace.ObjectCleaner;
import io.lifeboat.restore.namespace.ObjectPlanner;
import io.lifeboat.restore.namespace.Placement;
import io.lifeboat.restore.namespace.PlannedObject;
import io.lifeboat.restore.namespace.PlannedObjects;
import io.lifeboat.restore.namespace.RestoreLimits;
import io.lifeboat.restore.namespace.RestoreOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The plan's objects kept on disk ({@link ObjectSpill}) with a small index in memory (type,
 * namespace, name, place in the spill file): filled as the archive streams by ({@link
 * ArchiveReader.Sink}), then read back and decided a batch at a time, at most {@link #BATCH_BYTES}
 * of JSON or {@link #BATCH_OBJECTS} objects. While filling, each object is parsed once (within
 * {@link RestoreLimits}) for the selection, {@link Placement} and the owners index, then dropped.
 */
public final class SpilledObjects implements PlannedObjects, ArchiveReader.Sink {
  static final long BATCH_BYTES = 4L << 20;
  static final int BATCH_OBJECTS = 256;

  private static final Comparator<Item> ORDER =
      Comparator.comparing((Item i) -> i.namespace() == null ? "" : i.namespace())
          .thenComparing(Item::name);

  private final ObjectSpill spill = new ObjectSpill();
  private final ObjectMapper mapper;
  private final String sourceNamespace;
  private final Predicate<String> typeSelected;
  private final Predicate<ArchivedObject> selected;
  private final ObjectCleaner.Owners owners = new ObjectCleaner.Owners();
  private final Map<String, List<Item>> byType = new HashMap<>();
  private List<String> types;
  private ObjectPlanner planner;
  private long excluded;

  /** One object's place: in the spill file, or refused (too large, not JSON, misplaced). */
  private record Item(String namespace, String name, ObjectSpill.Slot slot, String refusal) {}

  public SpilledObjects(
      RestoreLimits limits,
      String sourceNamespace,
      Predicate<String> typeSelected,
      Predicate<ArchivedObject> selected) {
    this.sourceNamespace = sourceNamespace;
    this.typeSelected = typeSelected;
    this.selected = selected;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxTokenCount(limits.maxTokens())
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxObjectSize()))
            .maxNestingDepth(200)
            .build();
    this.mapper =
        new ObjectMapper(JsonFactory.builder().streamReadConstraints(constraints).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  @Override
  public void accept(ArchiveLayout.Entry place, String path, byte[] json, String refusal) {
    if (!typeSelected.test(place.typeDirectory())) {
      excluded++;
      return;
    }
    if (json == null) {
      add(place, null, refusal);
      return;
    }
    ObjectNode object;
    try {
      object = parse(json);
    } catch (IllegalArgumentException e) {
      add(place, null, "tar entry " + path + " " + e.getMessage());
      return;
    }
    ArchivedObject archived =
        new ArchivedObject(place.typeDirectory(), place.namespace(), place.name(), object);
    if (!selected.test(archived)) {
      excluded++;
      return;
    }
    var misplaced = Placement.refusal(archived, sourceNamespace);
    if (misplaced.isPresent()) {
      add(place, null, misplaced.get());
      return;
    }
    owners.add(archived);
    add(place, spill.append(json), null);
  }

  /**
   * Ends the fill: orders types and objects, refuses an archive naming one object twice, and
   * decides with a planner built on the owners index gathered.
   */
  public SpilledObjects finish(Function<ObjectCleaner.Owners, ObjectPlanner> planners) {
    List<String> ordered = new ArrayList<>(byType.keySet());
    ordered.sort(Comparator.comparing(RestoreOrder::rank).thenComparing(Comparator.naturalOrder()));
    for (String type : ordered) {
      List<Item> items = byType.get(type);
      items.sort(ORDER);
      for (int i = 1; i < items.size(); i++) {
        if (ORDER.compare(items.get(i - 1), items.get(i)) == 0) {
          throw new IntegrityException(
              "the archive holds "
                  + new ArchivedObject(type, items.get(i).namespace(), items.get(i).name(), null)
                      .describe()
                  + " twice: not an export");
        }
      }
    }
    this.types = List.copyOf(ordered);
    this.planner = planners.apply(owners);
    return this;
  }

  /** The private directory holding the spill file (gone once closed). */
  public java.nio.file.Path spillDirectory() {
    return spill.directory();
  }

  /** Objects the selection left out. */
  public long excluded() {
    return excluded;
  }

  @Override
  public List<String> types() {
    return types;
  }

  @Override
  public void forEachBatch(String type, Consumer<List<PlannedObject>> consumer) {
    List<Item> items = byType.getOrDefault(type, List.of());
    List<PlannedObject> batch = new ArrayList<>();
    long bytes = 0;
    for (Item item : items) {
      batch.add(plan(type, item));
      bytes += item.slot() == null ? 0 : item.slot().length();
      if (bytes >= BATCH_BYTES || batch.size() >= BATCH_OBJECTS) {
        consumer.accept(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
    }
    if (!batch.isEmpty()) {
      consumer.accept(batch);
    }
  }

  @Override
  public void close() {
    spill.close();
  }

  private PlannedObject plan(String type, Item item) {
    if (item.slot() == null) {
      ArchivedObject refused =
          new ArchivedObject(
              type, item.namespace(), item.name(), JsonNodeFactory.instance.objectNode());
      return ObjectPlanner.failed(refused, item.refusal());
    }
    ObjectNode object = parse(spill.read(item.slot()));
    return planner.plan(new ArchivedObject(type, item.namespace(), item.name(), object));
  }

  private void add(ArchiveLayout.Entry place, ObjectSpill.Slot slot, String refusal) {
    byType
        .computeIfAbsent(place.typeDirectory(), t -> new ArrayList<>())
        .add(new Item(place.namespace(), place.name(), slot, refusal));
  }

  /** The object, or an exception whose message names the problem, never the content. */
  private ObjectNode parse(byte[] json) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("exceeds a JSON limit: " + e.getOriginalMessage());
    } catch (IOException e) {
      JsonLocation at =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException p
              ? p.getLocation()
              : null;
      throw new IllegalArgumentException(
          "is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("is not a JSON object");
    }
    return object;
  }
}
