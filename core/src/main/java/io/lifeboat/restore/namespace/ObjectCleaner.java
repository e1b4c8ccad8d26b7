package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.restore.namespace.internal.TypeActions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of cleaning: what a restore leaves out and which fields it changes, Velero's list
 * (reference §1.5) plus the ownership rule. The runbook ({@code
 * docs/runbooks/namespace-restore.md}) lists every rule and gives an equivalent {@code jq} filter;
 * a test keeps the two equal.
 *
 * <p>Ownership rule: an object with an owner (by {@code ownerReferences}, matched by uid, or by
 * group, kind, namespace and name) that is restored too is left for that owner's controller to
 * recreate (the Pods of a ReplicaSet of a Deployment). Every other object loses its {@code
 * ownerReferences}, since restored owners get new UIDs and a reference to a missing UID gets the
 * object garbage-collected.
 *
 * <p>Instances are built for one restore's object set and never change it; {@link #decide} copies.
 */
public final class ObjectCleaner {
  /** Added to every restored object: which backup it came from. */
  public static final String BACKUP_LABEL = "lifeboat.io/backup";

  /** Added by a restore (not by rendering) to every object it writes: which restore wrote it. */
  public static final String RESTORE_LABEL = "lifeboat.io/restore";

  private final Owners owners;
  private final NamespaceMapping mapping;
  private final String backupId;
  private final boolean preserveNodePorts;

  /**
   * @param restoring every object this restore takes (after the selection), the set owners are
   *     looked up in
   * @param backupId the value of {@link #BACKUP_LABEL}
   */
  public ObjectCleaner(
      List<ArchivedObject> restoring,
      NamespaceMapping mapping,
      String backupId,
      boolean preserveNodePorts) {
    this(Owners.of(restoring), mapping, backupId, preserveNodePorts);
  }

  /** With the owners index gathered while the archive streamed by. */
  public ObjectCleaner(
      Owners owners, NamespaceMapping mapping, String backupId, boolean preserveNodePorts) {
    this.owners = owners;
    this.mapping = mapping;
    this.backupId = backupId;
    this.preserveNodePorts = preserveNodePorts;
  }

  /**
   * What the ownership rule needs to know of every object a restore takes: uids, identities and the
   * PersistentVolumes restored, a few strings per object, gathered one object at a time.
   */
  public static final class Owners {
    private final Set<String> uids = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<String> restoredVolumes = new HashSet<>();

    public static Owners of(List<ArchivedObject> restoring) {
      Owners owners = new Owners();
      restoring.forEach(owners::add);
      return owners;
    }

    public void add(ArchivedObject o) {
      String uid = o.object().path("metadata").path("uid").asText("");
      if (!uid.isEmpty()) {
        uids.add(uid);
      }
      keys.add(key(group(o.apiVersion()), o.kind(), namespace(o), o.name()));
      if (o.kind().equals("PersistentVolume") && TypeActions.skipReason(o.object()).isEmpty()) {
        restoredVolumes.add(o.name());
      }
    }
  }

  /** What happens to one object, and (when restored) the object to create. */
  public Decision decide(ArchivedObject archived) {
    Optional<String> skip = TypeActions.skipReason(archived.object());
    if (skip.isPresent()) {
      return new Decision(Action.SKIP, skip.get(), null);
    }
    Optional<String> owner = restoredOwner(archived);
    if (owner.isPresent()) {
      return new Decision(
          Action.LEAVE_TO_CONTROLLER,
          "owned by " + owner.get() + ", which is restored: its controller recreates it",
          null);
    }
    return new Decision(Action.RESTORE, null, clean(archived));
  }

  private ObjectNode clean(ArchivedObject archived) {
    ObjectNode object = archived.object().deepCopy();
    ObjectNode metadata = object.with("metadata");
    metadata.remove(
        List.of(
            "generateName",
            "selfLink",
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "ownerReferences",
            "managedFields"));
    object.remove("status");
    ObjectNode labels = metadata.with("labels");
    labels.put(BACKUP_LABEL, backupId);
    // The archive path decides the namespace (Placement), always explicitly: an object without
    // one must never land in the restore client's default namespace.
    if (archived.clusterScoped()) {
      metadata.remove("namespace");
    } else {
      metadata.put("namespace", mapping.map(archived.namespace()));
    }
    TypeActions.clean(object, mapping, preserveNodePorts, owners.restoredVolumes);
    return object;
  }

  private Optional<String> restoredOwner(ArchivedObject archived) {
    String namespace = namespace(archived);
    for (JsonNode reference : archived.object().path("metadata").path("ownerReferences")) {
      String group = group(reference.path("apiVersion").asText());
      String kind = reference.path("kind").asText();
      String name = reference.path("name").asText();
      if (owners.uids.contains(reference.path("uid").asText(""))
          || owners.keys.contains(key(group, kind, namespace, name))
          || owners.keys.contains(key(group, kind, "", name))) {
        return Optional.of(kind + " " + name);
      }
    }
    return Optional.empty();
  }

  private static String namespace(ArchivedObject o) {
    return o.namespace() == null ? "" : o.namespace();
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String key(String group, String kind, String namespace, String name) {
    return group + "|" + kind + "|" + namespace + "|" + name;
  }

  public enum Action {
    RESTORE,
    SKIP,
    LEAVE_TO_CONTROLLER
  }

  /**
   * @param reason why it is skipped or left to a controller; null when restored
   * @param object the cleaned object to create; null unless restored
   */
  public record Decision(Action action, String reason, ObjectNode object) {}
}
