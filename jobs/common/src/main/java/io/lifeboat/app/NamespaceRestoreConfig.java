package io.lifeboat.app;

import io.lifeboat.restore.namespace.RestoreOptions;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code lifeboat.restore.*}: one namespace restore (the one-off Job and the CLI's defaults). */
@ConfigMapping(prefix = "lifeboat.restore")
public interface NamespaceRestoreConfig {
  /** The backup's namespace (its scope is {@code <lifeboat.cluster>/<namespace>}). */
  Optional<String> namespace();

  /**
   * Instead of {@link #namespace()}: a glob (e.g. {@code team-*}) over the namespaces of the
   * cluster with a namespace backup; each is restored from its latest backup, on its own (plan,
   * lease, report), {@link #parallelNamespaces()} at a time. The other settings apply to each.
   */
  Optional<String> namespaces();

  /** With {@link #namespaces()}: how many namespaces are restored at once (each its own worker). */
  @WithDefault("2")
  int parallelNamespaces();

  /** A backup id, or {@code latest}. */
  @WithDefault("latest")
  String backup();

  /** {@code old:new} pairs. */
  Optional<List<String>> namespaceMapping();

  /** {@code skip}, {@code update} or {@code recreate}. */
  @WithDefault("skip")
  String existing();

  Optional<List<String>> includeResources();

  Optional<List<String>> excludeResources();

  /** Label selectors; an object is taken when it matches any. */
  Optional<List<String>> selector();

  /** A resource modifiers YAML file. */
  Optional<Path> resourceModifiers();

  @WithDefault("false")
  @WithConverter(StrictBoolean.class)
  boolean preserveNodePorts();

  /** Print the plan and write nothing. */
  @WithDefault("false")
  @WithConverter(StrictBoolean.class)
  boolean dryRun();

  @WithDefault(RestoreOptions.DEFAULT_CRD_TIMEOUT_MINUTES + "m")
  Duration crdTimeout();

  @WithDefault(RestoreOptions.DEFAULT_DELETE_TIMEOUT_MINUTES + "m")
  Duration deleteTimeout();

  @WithDefault("" + RestoreOptions.DEFAULT_PARALLELISM)
  int parallelism();

  /**
   * Where PVCs come from: {@code nearest} (the volumes backup of the namespace closest in time to
   * the namespace backup, within {@link #volumesWindow()}), {@code none} (the archive), or an id.
   */
  @WithDefault("nearest")
  String volumesBackup();

  /** How far from the namespace backup {@code nearest} looks. */
  @WithDefault("1h")
  Duration volumesWindow();

  /**
   * Largest object (tar entry) a restore reads, with an optional K, M or G suffix; a larger one
   * fails as that object, unread. etcd stores at most 1.5 MiB per object.
   */
  @WithDefault("16M")
  String maxObjectSize();

  /**
   * Most objects one archive may hold; more ends the restore (exit 6). About 500 bytes of heap per
   * object: raise it with the heap.
   */
  @WithDefault("200000")
  String maxObjects();

  /** Most bytes the archive may decompress to (a compression bomb ends the restore, exit 6). */
  @WithDefault("8G")
  String maxArchiveSize();
}
