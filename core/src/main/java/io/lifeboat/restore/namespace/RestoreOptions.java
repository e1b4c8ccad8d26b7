package io.lifeboat.restore.namespace;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.export.Selection;
import java.time.Duration;
import java.util.Objects;

/**
 * How a namespace restore runs.
 *
 * @param selection which archived objects are taken: resource includes/excludes and label
 *     selectors, as for an export (namespace globs are ignored: a backup holds one namespace)
 * @param crdTimeout how long to wait for restored CRDs to become Established
 * @param deleteTimeout how long to wait for an object to go ({@code recreate}, a Terminating
 *     namespace)
 * @param pollInterval how often those waits look
 * @param parallelism objects of one type written concurrently
 * @param leaseTtl the restore lease's expiry, renewed while the restore runs
 * @param volumes which volumes backup the PVCs come from ({@code --volumes-backup}, {@code
 *     --volumes-window}); default {@code nearest} within 1h
 * @param preserveNodePorts keep Services' nodePorts (Velero's {@code preserveNodePorts})
 */
public record RestoreOptions(
    NamespaceMapping mapping,
    ExistingPolicy existingPolicy,
    Selection selection,
    ResourceModifiers modifiers,
    VolumeBackupChoice volumes,
    boolean preserveNodePorts,
    Duration crdTimeout,
    Duration deleteTimeout,
    Duration pollInterval,
    int parallelism,
    Duration leaseTtl) {

  public RestoreOptions {
    mapping = mapping == null ? NamespaceMapping.none() : mapping;
    existingPolicy = existingPolicy == null ? ExistingPolicy.SKIP : existingPolicy;
    selection = selection == null ? Selection.all() : selection;
    modifiers = modifiers == null ? ResourceModifiers.none() : modifiers;
    volumes = volumes == null ? VolumeBackupChoice.defaults() : volumes;
    Objects.requireNonNull(crdTimeout, "crdTimeout");
    Objects.requireNonNull(deleteTimeout, "deleteTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(leaseTtl, "leaseTtl");
    if (parallelism < 1) {
      throw new InvalidConfigurationException("parallelism must be >= 1, was " + parallelism);
    }
  }

  /** Velero's CRD wait: also {@code lifeboat.restore.crd-timeout}'s default. */
  public static final int DEFAULT_CRD_TIMEOUT_MINUTES = 1;

  /** Velero's deletion wait: also {@code lifeboat.restore.delete-timeout}'s default. */
  public static final int DEFAULT_DELETE_TIMEOUT_MINUTES = 2;

  /** Writers per type: also {@code lifeboat.restore.parallelism}'s default. */
  public static final int DEFAULT_PARALLELISM = 8;

  /** Skip existing objects, everything selected, Velero's waits, 8 writers. */
  public static RestoreOptions defaults() {
    return new RestoreOptions(
        null,
        null,
        null,
        null,
        null,
        false,
        Duration.ofMinutes(DEFAULT_CRD_TIMEOUT_MINUTES),
        Duration.ofMinutes(DEFAULT_DELETE_TIMEOUT_MINUTES),
        Duration.ofSeconds(1),
        DEFAULT_PARALLELISM,
        Duration.ofMinutes(10));
  }

  /** A builder starting from {@link #defaults()}: set only what differs. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public RestoreOptions withMapping(NamespaceMapping value) {
    return toBuilder().mapping(value).build();
  }

  public RestoreOptions withExistingPolicy(ExistingPolicy value) {
    return toBuilder().existingPolicy(value).build();
  }

  public RestoreOptions withSelection(Selection value) {
    return toBuilder().selection(value).build();
  }

  public RestoreOptions withModifiers(ResourceModifiers value) {
    return toBuilder().modifiers(value).build();
  }

  public RestoreOptions withVolumes(VolumeBackupChoice value) {
    return toBuilder().volumes(value).build();
  }

  public RestoreOptions withWaits(Duration crd, Duration delete, Duration poll) {
    return toBuilder().crdTimeout(crd).deleteTimeout(delete).pollInterval(poll).build();
  }

  public RestoreOptions withParallelism(int value) {
    return toBuilder().parallelism(value).build();
  }

  /** The options one field at a time; {@link #build()} validates as the constructor does. */
  public static final class Builder {
    private NamespaceMapping mapping;
    private ExistingPolicy existingPolicy;
    private Selection selection;
    private ResourceModifiers modifiers;
    private VolumeBackupChoice volumes;
    private boolean preserveNodePorts;
    private Duration crdTimeout;
    private Duration deleteTimeout;
    private Duration pollInterval;
    private int parallelism;
    private Duration leaseTtl;

    private Builder(RestoreOptions from) {
      mapping = from.mapping;
      existingPolicy = from.existingPolicy;
      selection = from.selection;
      modifiers = from.modifiers;
      volumes = from.volumes;
      preserveNodePorts = from.preserveNodePorts;
      crdTimeout = from.crdTimeout;
      deleteTimeout = from.deleteTimeout;
      pollInterval = from.pollInterval;
      parallelism = from.parallelism;
      leaseTtl = from.leaseTtl;
    }

    public Builder mapping(NamespaceMapping value) {
      mapping = value;
      return this;
    }

    public Builder existingPolicy(ExistingPolicy value) {
      existingPolicy = value;
      return this;
    }

    public Builder selection(Selection value) {
      selection = value;
      return this;
    }

    public Builder modifiers(ResourceModifiers value) {
      modifiers = value;
      return this;
    }

    public Builder volumes(VolumeBackupChoice value) {
      volumes = value;
      return this;
    }

    public Builder preserveNodePorts(boolean value) {
      preserveNodePorts = value;
      return this;
    }

    public Builder crdTimeout(Duration value) {
      crdTimeout = value;
      return this;
    }

    public Builder deleteTimeout(Duration value) {
      deleteTimeout = value;
      return this;
    }

    public Builder pollInterval(Duration value) {
      pollInterval = value;
      return this;
    }

    public Builder parallelism(int value) {
      parallelism = value;
      return this;
    }

    public Builder leaseTtl(Duration value) {
      leaseTtl = value;
      return this;
    }

    public RestoreOptions build() {
      return new RestoreOptions(
          mapping,
          existingPolicy,
          selection,
          modifiers,
          volumes,
          preserveNodePorts,
          crdTimeout,
          deleteTimeout,
          pollInterval,
          parallelism,
          leaseTtl);
    }
  }
}
