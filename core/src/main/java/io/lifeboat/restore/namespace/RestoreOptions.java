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

  /** Skip existing objects, everything selected, Velero's waits, 8 writers. */
  public static RestoreOptions defaults() {
    return new RestoreOptions(
        null,
        null,
        null,
        null,
        null,
        false,
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofSeconds(1),
        8,
        Duration.ofMinutes(10));
  }

  public RestoreOptions withMapping(NamespaceMapping value) {
    return new RestoreOptions(
        value,
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

  public RestoreOptions withExistingPolicy(ExistingPolicy value) {
    return new RestoreOptions(
        mapping,
        value,
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

  public RestoreOptions withSelection(Selection value) {
    return new RestoreOptions(
        mapping,
        existingPolicy,
        value,
        modifiers,
        volumes,
        preserveNodePorts,
        crdTimeout,
        deleteTimeout,
        pollInterval,
        parallelism,
        leaseTtl);
  }

  public RestoreOptions withModifiers(ResourceModifiers value) {
    return new RestoreOptions(
        mapping,
        existingPolicy,
        selection,
        value,
        volumes,
        preserveNodePorts,
        crdTimeout,
        deleteTimeout,
        pollInterval,
        parallelism,
        leaseTtl);
  }

  public RestoreOptions withVolumes(VolumeBackupChoice value) {
    return new RestoreOptions(
        mapping,
        existingPolicy,
        selection,
        modifiers,
        value,
        preserveNodePorts,
        crdTimeout,
        deleteTimeout,
        pollInterval,
        parallelism,
        leaseTtl);
  }

  public RestoreOptions withWaits(Duration crd, Duration delete, Duration poll) {
    return new RestoreOptions(
        mapping,
        existingPolicy,
        selection,
        modifiers,
        volumes,
        preserveNodePorts,
        crd,
        delete,
        poll,
        parallelism,
        leaseTtl);
  }

  public RestoreOptions withParallelism(int value) {
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
        value,
        leaseTtl);
  }
}
