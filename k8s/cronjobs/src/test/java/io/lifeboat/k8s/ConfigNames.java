package io.lifeboat.k8s;

import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.VolumesConfig;
import io.lifeboat.app.observe.ObserveConfig;
import io.smallrye.config.ConfigMapping;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variable of every property the job apps' {@code @ConfigMapping}s declare, as
 * SmallRye Config maps them ({@code lifeboat.prune.etcd.keep-daily} -> {@code
 * LIFEBOAT_PRUNE_ETCD_KEEP_DAILY}), so a manifest cannot set a name no job reads.
 */
final class ConfigNames {
  private static final Set<Class<?>> MAPPINGS =
      Set.of(
          LifeboatConfig.class,
          EtcdConfig.class,
          ExportConfig.class,
          NamespaceRestoreConfig.class,
          PruneConfig.class,
          VolumesConfig.class,
          ObserveConfig.class);

  /** Read by the apps from the environment directly (LogFormat), not through a mapping. */
  private static final Set<String> DIRECT = Set.of("LIFEBOAT_LOG_FORMAT");

  private ConfigNames() {}

  static Set<String> environmentVariables() {
    Set<String> names = new TreeSet<>(DIRECT);
    for (Class<?> mapping : MAPPINGS) {
      walk(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), names);
    }
    return names;
  }

  private static void walk(Class<?> type, String prefix, Set<String> names) {
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() > 0
          || method.isDefault()
          || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      String property = prefix + "." + kebab(method.getName());
      Class<?> returned = method.getReturnType();
      if (returned.isInterface() && returned.getName().startsWith("io.lifeboat.")) {
        walk(returned, property, names);
      } else {
        names.add(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
      }
    }
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
