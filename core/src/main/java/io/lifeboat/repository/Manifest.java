package io.lifeboat.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.error.IntegrityException;
import java.time.Instant;
import java.util.List;

/**
 * A backup's catalog entry: the single source of truth about it, and its completion marker. The
 * JSON schema is {@code docs/manifest.schema.json}; {@code formatVersion} changes when a reader
 * written for the old one could misread the new one.
 *
 * <p>{@code slot} is the schedule slot the run claimed (absent for a manual run) and {@code nonce}
 * the run's random nonce: a run whose commit reply was lost reads the entry back and knows it as
 * its own by the nonce (the marker protocol, {@link ClaimedRun}).
 *
 * <p>{@code source} holds the kind's own facts (etcd member and revision, namespace counts, PVC to
 * snapshot handles); each feature reads it with {@link #source(Class)}.
 */
public record Manifest(
    int formatVersion,
    Kind kind,
    String scope,
    String id,
    String slot,
    Instant startedAt,
    Instant completedAt,
    String tool,
    String kubeSystemUid,
    JsonNode source,
    List<DataObject> objects,
    String compression,
    Encryption encryption,
    List<String> warnings,
    List<ItemFailure> failures,
    String nonce) {
  public static final int FORMAT_VERSION = 1;

  public Manifest {
    objects = objects == null ? List.of() : List.copyOf(objects);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  /** A manifest without a run nonce (written before nonces, or built by hand). */
  public Manifest(
      int formatVersion,
      Kind kind,
      String scope,
      String id,
      String slot,
      Instant startedAt,
      Instant completedAt,
      String tool,
      String kubeSystemUid,
      JsonNode source,
      List<DataObject> objects,
      String compression,
      Encryption encryption,
      List<String> warnings,
      List<ItemFailure> failures) {
    this(
        formatVersion,
        kind,
        scope,
        id,
        slot,
        startedAt,
        completedAt,
        tool,
        kubeSystemUid,
        source,
        objects,
        compression,
        encryption,
        warnings,
        failures,
        null);
  }

  public BackupRef ref() {
    return new BackupRef(kind, Scope.parse(scope), BackupId.parse(id));
  }

  public <T> T source(Class<T> type) {
    return Json.convert(source, type);
  }

  /** The data object named {@code name}; an integrity failure when the manifest lacks it. */
  public DataObject object(String name) {
    return objects.stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IntegrityException("manifest of " + ref() + " lists no object '" + name + "'"));
  }

  /** True when some items failed: the backup is committed but partial (exit 3). */
  public boolean partial() {
    return !failures.isEmpty();
  }

  /** Refuses a manifest written by a format this code does not know. */
  static Manifest checked(Manifest manifest, String key) {
    if (manifest.formatVersion() != FORMAT_VERSION) {
      throw new IntegrityException(
          "'"
              + key
              + "' has manifest format "
              + manifest.formatVersion()
              + "; this Lifeboat reads format "
              + FORMAT_VERSION);
    }
    return manifest;
  }
}
