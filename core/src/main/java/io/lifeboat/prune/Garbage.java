package io.lifeboat.prune;

import io.lifeboat.store.IncompleteUpload;
import java.util.List;
import java.util.Objects;

/**
 * Something no counted backup references: a data folder without a catalog entry, an invalid catalog
 * entry (with its data folder), a claim, or an incomplete upload. In a plan's {@code garbage} it is
 * old enough to delete; in {@code spared} it is younger than the grace period (a backup may still
 * be writing it) and left alone.
 *
 * @param type what it is
 * @param name the folder, key or upload, for the plan text
 * @param reason why it is garbage, with its age
 * @param keys the object keys to delete (empty for an incomplete upload)
 * @param upload the upload to abort; null for the other types
 * @param written when it was last written, by the store's clock (its age is measured from here)
 */
public record Garbage(
    Type type,
    String name,
    String reason,
    List<String> keys,
    IncompleteUpload upload,
    java.time.Instant written) {
  public enum Type {
    INVALID_ENTRY,
    DATA_FOLDER,
    CLAIM,
    INCOMPLETE_UPLOAD
  }

  public Garbage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    keys = List.copyOf(keys);
    Objects.requireNonNull(written, "written");
  }
}
