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

  /** A builder for {@code kind}'s backup {@code id} of {@code scope}, at the current format. */
  public static Builder builder(Kind kind, String scope, String id) {
    return new Builder(kind, scope, id);
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

  /** The fields one at a time; unset lists are empty, everything else unset is absent. */
  public static final class Builder {
    private final Kind kind;
    private final String scope;
    private final String id;
    private int formatVersion = FORMAT_VERSION;
    private String slot;
    private Instant startedAt;
    private Instant completedAt;
    private String tool;
    private String kubeSystemUid;
    private JsonNode source;
    private List<DataObject> objects;
    private String compression;
    private Encryption encryption;
    private List<String> warnings;
    private List<ItemFailure> failures;
    private String nonce;

    private Builder(Kind kind, String scope, String id) {
      this.kind = kind;
      this.scope = scope;
      this.id = id;
    }

    public Builder formatVersion(int value) {
      formatVersion = value;
      return this;
    }

    public Builder slot(String value) {
      slot = value;
      return this;
    }

    /** When the run started and when it committed. */
    public Builder times(Instant started, Instant completed) {
      startedAt = started;
      completedAt = completed;
      return this;
    }

    public Builder tool(String value) {
      tool = value;
      return this;
    }

    public Builder kubeSystemUid(String value) {
      kubeSystemUid = value;
      return this;
    }

    public Builder source(JsonNode value) {
      source = value;
      return this;
    }

    public Builder objects(List<DataObject> value) {
      objects = value;
      return this;
    }

    public Builder compression(String value) {
      compression = value;
      return this;
    }

    public Builder encryption(Encryption value) {
      encryption = value;
      return this;
    }

    public Builder warnings(List<String> value) {
      warnings = value;
      return this;
    }

    public Builder failures(List<ItemFailure> value) {
      failures = value;
      return this;
    }

    public Builder nonce(String value) {
      nonce = value;
      return this;
    }

    public Manifest build() {
      return new Manifest(
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
          nonce);
    }
  }
}
