package io.lifeboat.restore.namespace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A plan's objects, type by type in restore order and, within a type, in batches: a restore holds
 * one batch's objects in memory, whatever the archive's size (the rest wait in a spill file, see
 * {@link io.lifeboat.restore.namespace.internal.ObjectSpill}). Deciding an object is a pure
 * function, so every pass over the plan sees the same objects with the same actions.
 */
public interface PlannedObjects extends AutoCloseable {
  /** Type directories present, in restore order. */
  List<String> types();

  /** The planned objects of {@code type}, in order, a bounded batch at a time. */
  void forEachBatch(String type, Consumer<List<PlannedObject>> batch);

  /** Every batch of every type, in restore order. */
  default void forEachBatch(Consumer<List<PlannedObject>> batch) {
    for (String type : types()) {
      forEachBatch(type, batch);
    }
  }

  /** Removes what the plan keeps on disk; idempotent. */
  @Override
  void close();

  /** Objects already in memory (small plans, tests), kept in their order. */
  static PlannedObjects of(List<PlannedObject> objects) {
    Map<String, List<PlannedObject>> byType = new LinkedHashMap<>();
    for (PlannedObject o : objects) {
      byType.computeIfAbsent(o.typeDirectory(), t -> new ArrayList<>()).add(o);
    }
    return new PlannedObjects() {
      @Override
      public List<String> types() {
        return List.copyOf(byType.keySet());
      }

      @Override
      public void forEachBatch(String type, Consumer<List<PlannedObject>> batch) {
        List<PlannedObject> objects = byType.get(type);
        if (objects != null) {
          batch.accept(List.copyOf(objects));
        }
      }

      @Override
      public void close() {}
    };
  }
}
