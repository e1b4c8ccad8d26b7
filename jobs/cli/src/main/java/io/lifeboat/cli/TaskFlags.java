package io.lifeboat.cli;

import io.lifeboat.app.ConfigErrors;
import io.lifeboat.app.ConfigReference;
import io.lifeboat.app.ConfigReference.Property;
import io.lifeboat.error.InvalidConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A backup task's flags are its properties: {@code --etcd-endpoints} sets {@code
 * lifeboat.etcd.endpoints} ({@code LIFEBOAT_ETCD_ENDPOINTS}), generated from the task's
 * {@code @ConfigMapping} interfaces so a flag can never exist without its variable or the reverse.
 * A flag outranks the environment. Secrets are not flags (process listings show them).
 */
final class TaskFlags {
  /** Read from the environment or a file only, or meaningless for a manual run. */
  static final Set<String> NOT_FLAGS =
      Set.of(
          "lifeboat.s3.access-key-id",
          "lifeboat.s3.secret-access-key",
          "lifeboat.etcd.password",
          "lifeboat.age.identity-file",
          "lifeboat.job-name",
          "lifeboat.schedule",
          "lifeboat.schedule-time-zone",
          "lifeboat.metrics.pushgateway-url",
          "lifeboat.metrics.push-timeout",
          "lifeboat.pod-name",
          "lifeboat.pod-namespace");

  private TaskFlags() {}

  static List<Property> properties(List<Class<?>> mappings) {
    return ConfigReference.of(mappings).stream()
        .filter(p -> !NOT_FLAGS.contains(p.name()))
        .toList();
  }

  /** Adds one option per property to the command (picocli model transformer step). */
  static CommandSpec addTo(CommandSpec spec, List<Class<?>> mappings) {
    for (Property p : properties(mappings)) {
      if (spec.findOption(p.flag()) == null) {
        spec.addOption(
            OptionSpec.builder(p.flag())
                .type(String.class)
                .paramLabel(p.type().toUpperCase(java.util.Locale.ROOT))
                .description(
                    p.env()
                        + (p.defaultValue() == null ? "" : " (default " + p.defaultValue() + ")"))
                .build());
      }
    }
    return spec;
  }

  /** The properties the user gave as flags on this command line. */
  static Map<String, String> given(CommandSpec spec, List<Class<?>> mappings) {
    Map<String, String> given = new LinkedHashMap<>();
    for (Property p : properties(mappings)) {
      if (spec.commandLine().getParseResult().hasMatchedOption(p.flag())) {
        given.put(p.name(), spec.findOption(p.flag()).getValue());
      }
    }
    return given;
  }

  /**
   * The app's configuration with the flags on top, mapped and validated; a bad value is reported
   * under the flag the user typed.
   */
  static SmallRyeConfig config(CommandSpec spec, List<Class<?>> mappings) {
    Map<String, String> flags = given(spec, mappings);
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(flags, "command-line flags", 1000))
            .withConverter(Duration.class, 200, new DurationConverter())
            .withConverter(Path.class, 200, new PathConverter())
            .withValidateUnknown(false);
    for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
      builder.withSources(source);
    }
    mappings.forEach(builder::withMapping);
    try {
      return builder.build();
    } catch (RuntimeException invalid) {
      throw new InvalidConfigurationException(explain(invalid, flags));
    }
  }

  /** SmallRye's complaint about a property, said about the flag or variable the user set. */
  static String explain(RuntimeException invalid, Map<String, String> flags) {
    return ConfigErrors.explain(String.valueOf(invalid.getMessage()), flags, System::getenv);
  }

  /** Every flag a command line matched that is a property, as property -> value. */
  static Map<String, String> matchedProperties(picocli.CommandLine.ParseResult parsed) {
    Map<String, String> given = new LinkedHashMap<>();
    for (var line : parsed.asCommandLineList()) {
      var result = line.getParseResult();
      for (Property p : ALL) {
        if (result != null && result.hasMatchedOption(p.flag())) {
          given.put(p.name(), String.valueOf(result.matchedOptionValue(p.flag(), (Object) null)));
        }
      }
    }
    return given;
  }

  private static final List<Property> ALL =
      ConfigReference.of(
          List.of(
              io.lifeboat.app.LifeboatConfig.class,
              io.lifeboat.app.EtcdConfig.class,
              io.lifeboat.app.ExportConfig.class,
              io.lifeboat.app.VolumesConfig.class,
              io.lifeboat.app.PruneConfig.class,
              io.lifeboat.app.NamespaceRestoreConfig.class));
}
