package io.lifeboat.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** {@code lifeboat.export.*}: which namespaces and objects a namespace export takes. */
@ConfigMapping(prefix = "lifeboat.export")
public interface ExportConfig {
  /** Namespace globs to export, e.g. {@code payments,shop-*}. Each becomes its own backup. */
  @WithDefault("*")
  List<String> namespaces();

  Optional<List<String>> excludeNamespaces();

  /** Resource types as {@code resource.group} ({@code deployments.apps}, {@code configmaps}). */
  Optional<List<String>> resources();

  Optional<List<String>> excludeResources();

  /** Label selectors, OR-ed: an object matching any one is exported. Separate with {@code ;}. */
  Optional<String> labelSelectors();

  /** Related cluster-scoped objects (CRDs, bound PVs and classes, bindings of the SAs). */
  @WithDefault("true")
  @WithConverter(StrictBoolean.class)
  boolean includeClusterResources();

  @WithDefault("500")
  int pageSize();

  /**
   * This run's part of the selected namespaces, {@code INDEX/COUNT} (0-based, e.g. {@code 2/8}): it
   * exports only the namespaces whose hash falls in it ({@link io.lifeboat.export.Shard}). Unset:
   * the Indexed Job's {@code JOB_COMPLETION_INDEX} of {@link #shards()}, else everything.
   */
  Optional<String> shard();

  /** How many shards an Indexed Job's pods split the namespaces into (its {@code completions}). */
  @WithDefault("1")
  int shards();
}
