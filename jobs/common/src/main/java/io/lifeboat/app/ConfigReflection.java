package io.lifeboat.app;

import io.lifeboat.app.observe.ObserveConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code @ConfigMapping} interfaces, kept readable by reflection in native executables: {@link
 * ConfigReference} reads their accessors and annotations to print {@code --help} and to give the
 * CLI its flags, and a native image keeps only the methods registered at build time (SmallRye
 * itself uses generated classes, not reflection, so nothing else registers them). Nested groups are
 * listed too: registration is per class. {@code ConfigReflectionTest} fails when a mapping in this
 * package is missing here; an app's own mapping elsewhere is registered beside it.
 */
@RegisterForReflection(
    methods = true,
    fields = false,
    targets = {
      LifeboatConfig.class,
      LifeboatConfig.S3.class,
      LifeboatConfig.Compression.class,
      LifeboatConfig.Age.class,
      ObserveConfig.class,
      ObserveConfig.Metrics.class,
      EtcdConfig.class,
      EtcdConfig.Delta.class,
      ExportConfig.class,
      VolumesConfig.class,
      PruneConfig.class,
      PruneConfig.Policy.class,
      NamespaceRestoreConfig.class,
      TaskSchedules.class,
      TaskSchedules.Task.class
    })
final class ConfigReflection {
  private ConfigReflection() {}
}
