package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What happens to one archived object: refused when its JSON disagrees with its archive path
 * ({@link Placement}), then {@link ObjectCleaner}, then the resource modifiers, then refused again
 * when a modifier moved it to another namespace. A pure function of the object, so a plan can
 * decide again, batch by batch, instead of keeping every decision in memory.
 */
public final class ObjectPlanner {
  private final ObjectCleaner cleaner;
  private final RestoreOptions options;
  private final String sourceNamespace;

  public ObjectPlanner(ObjectCleaner cleaner, RestoreOptions options, String sourceNamespace) {
    this.cleaner = cleaner;
    this.options = options;
    this.sourceNamespace = sourceNamespace;
  }

  public PlannedObject plan(ArchivedObject archived) {
    Optional<String> refusal = Placement.refusal(archived, sourceNamespace);
    if (refusal.isPresent()) {
      return failed(archived, refusal.get());
    }
    ObjectCleaner.Decision decision = cleaner.decide(archived);
    switch (decision.action()) {
      case SKIP:
        return new PlannedObject(archived, PlannedObject.Action.SKIP, decision.reason(), null);
      case LEAVE_TO_CONTROLLER:
        return new PlannedObject(
            archived, PlannedObject.Action.LEAVE_TO_CONTROLLER, decision.reason(), null);
      default:
        break;
    }
    ObjectNode object;
    try {
      object = options.modifiers().apply(archived.typeDirectory(), decision.object());
    } catch (ResourceModifiers.ModifierFailure e) {
      return failed(archived, e.getMessage());
    }
    String target = options.mapping().map(archived.namespace());
    Optional<String> moved = Placement.moved(archived, object, target);
    return moved.isPresent()
        ? failed(archived, moved.get())
        : new PlannedObject(archived, PlannedObject.Action.RESTORE, null, object);
  }

  /** An object refused before its JSON was read or parsed (too large, not JSON). */
  public static PlannedObject failed(ArchivedObject archived, String reason) {
    return new PlannedObject(archived, PlannedObject.Action.FAIL, reason, null);
  }
}
