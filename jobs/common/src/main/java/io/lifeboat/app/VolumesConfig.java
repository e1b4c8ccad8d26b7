package io.lifeboat.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code lifeboat.volumes.*}: which PVCs the volume snapshot job takes and how long it waits for
 * them (env: {@code LIFEBOAT_VOLUMES_INCLUDE_NAMESPACES=shop,pay-*}, ...).
 */
@ConfigMapping(prefix = "lifeboat.volumes")
public interface VolumesConfig {
  /** Namespace globs to take; unset means every namespace. */
  Optional<List<String>> includeNamespaces();

  /** Namespace globs to leave out. */
  Optional<List<String>> excludeNamespaces();

  /** A Kubernetes label selector for PVCs ({@code backup=yes,tier!=cache}); unset: every PVC. */
  Optional<String> labelSelector();

  /** How long each namespace's snapshots may take to become readyToUse. */
  @WithDefault("10m")
  Duration readyDeadline();

  /** Time between two looks at the VolumeSnapshots. */
  @WithDefault("5s")
  Duration pollInterval();
}
