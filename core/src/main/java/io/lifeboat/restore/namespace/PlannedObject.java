package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One archived object and what the restore will do with it.
 *
 * @param archived the object as the backup holds it
 * @param action restore it, skip it, leave it to its owner's controller, or fail it (a modifier
 *     that could not apply)
 * @param reason why it is not restored; null when it is
 * @param object the object to write (cleaned, mapped, modified); null unless restored
 */
public record PlannedObject(
    ArchivedObject archived, Action action, String reason, ObjectNode object) {

  public enum Action {
    RESTORE,
    SKIP,
    LEAVE_TO_CONTROLLER,
    FAIL
  }

  public String typeDirectory() {
    return archived.typeDirectory();
  }

  /** The namespace it is restored into (null when cluster-scoped). */
  public String namespace() {
    return object == null
        ? archived.namespace()
        : object.path("metadata").path("namespace").asText(null);
  }

  /** Its name in the target (a mapped Namespace object is renamed). */
  public String name() {
    return object == null ? archived.name() : object.path("metadata").path("name").asText();
  }

  public String describe() {
    String namespace = namespace();
    return typeDirectory() + " " + (namespace == null ? name() : namespace + "/" + name());
  }
}
