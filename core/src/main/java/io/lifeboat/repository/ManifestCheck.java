package io.lifeboat.repository;

import java.util.Optional;
import java.util.function.Function;

/**
 * Validates a catalog entry's content against its key and its data: it parses as a {@link Manifest}
 * of this format, names the kind, scope and id its key names, lists at least one data object, and
 * every object it lists is in the store with the recorded size. Pure: the caller reads the entry
 * and says how big each data object is. Reasons never quote the entry's content (a forged entry may
 * carry anything), only what was expected.
 */
public final class ManifestCheck {
  private static final int MAX_REASON = 200;

  private ManifestCheck() {}

  /** The outcome: the status ({@code VALID}, {@code INVALID} or {@code UNSUPPORTED}) and why. */
  public record Result(CatalogEntry.Status status, String reason, Manifest manifest) {
    public boolean valid() {
      return status == CatalogEntry.Status.VALID;
    }
  }

  /**
   * @param sizeOf the stored size of a data object of {@code ref} by name; empty when absent
   */
  public static Result check(
      BackupRef ref, byte[] content, Function<String, Optional<Long>> sizeOf) {
    Manifest manifest;
    try {
      manifest = Json.MAPPER.readValue(content, Manifest.class);
    } catch (java.io.IOException | RuntimeException e) {
      return invalid("not a manifest: " + e.getClass().getSimpleName());
    }
    if (manifest == null) {
      return invalid("not a manifest: empty");
    }
    if (manifest.formatVersion() > Manifest.FORMAT_VERSION) {
      return new Result(
          CatalogEntry.Status.UNSUPPORTED,
          "manifest format "
              + manifest.formatVersion()
              + " is newer than this Lifeboat reads ("
              + Manifest.FORMAT_VERSION
              + ")",
          null);
    }
    if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
      return invalid("manifest format must be " + Manifest.FORMAT_VERSION);
    }
    String mismatch = keyMismatch(ref, manifest);
    if (mismatch != null) {
      return invalid(mismatch);
    }
    if (manifest.objects().isEmpty()) {
      return invalid("manifest lists no data objects");
    }
    for (DataObject object : manifest.objects()) {
      String missing = objectProblem(ref, object, sizeOf);
      if (missing != null) {
        return invalid(missing);
      }
    }
    return new Result(CatalogEntry.Status.VALID, "", manifest);
  }

  private static String keyMismatch(BackupRef ref, Manifest manifest) {
    if (manifest.kind() != ref.kind()) {
      return "manifest names another kind than its key (" + ref.kind() + ")";
    }
    if (!ref.scope().toString().equals(manifest.scope())) {
      return "manifest names another scope than its key (" + ref.scope() + ")";
    }
    if (!ref.id().toString().equals(manifest.id())) {
      return "manifest names another id than its key (" + ref.id() + ")";
    }
    return null;
  }

  private static String objectProblem(
      BackupRef ref, DataObject object, Function<String, Optional<Long>> sizeOf) {
    String key;
    try {
      key = RepositoryLayout.dataObject(ref.kind(), ref.scope(), ref.id(), object.name());
    } catch (IllegalArgumentException e) {
      return "manifest lists a data object that is not a plain file name";
    }
    Optional<Long> stored = sizeOf.apply(object.name());
    if (stored.isEmpty()) {
      return "data object missing: " + truncate(key);
    }
    if (stored.get() != object.size()) {
      return "data object "
          + truncate(key)
          + " is "
          + stored.get()
          + " bytes, the manifest records "
          + object.size();
    }
    return null;
  }

  private static Result invalid(String reason) {
    return new Result(CatalogEntry.Status.INVALID, truncate(reason), null);
  }

  private static String truncate(String text) {
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
  }
}
