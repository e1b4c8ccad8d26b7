package io.lifeboat.cli;

import io.lifeboat.app.RestoreSettings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code restore namespace} and {@code namespace render} read: the backup (positional) and
 * what to take from it. Each overrides its {@code lifeboat.restore.*} property.
 */
class NamespaceBackupOptions {
  @Parameters(index = "0", paramLabel = "BACKUP", description = "backup id or 'latest'")
  String backup;

  @Option(
      names = "--namespace",
      paramLabel = "NAMESPACE",
      description = "the backed-up namespace (LIFEBOAT_RESTORE_NAMESPACE)")
  String namespace;

  @Option(
      names = "--namespace-mapping",
      split = ",",
      paramLabel = "OLD:NEW",
      description = "restore namespace OLD into NEW")
  List<String> mapping;

  @Option(
      names = "--include-resources",
      split = ",",
      paramLabel = "TYPE",
      description = "types, e.g. deployments.apps")
  List<String> include;

  @Option(
      names = "--exclude-resources",
      split = ",",
      paramLabel = "TYPE",
      description = "types to leave out")
  List<String> exclude;

  @Option(
      names = "--selector",
      paramLabel = "SELECTOR",
      description = "label selector (repeatable: OR)")
  List<String> selectors;

  @Option(
      names = "--resource-modifiers",
      paramLabel = "FILE",
      description = "resource modifiers YAML file")
  Path modifiers;

  @Option(
      names = {"--age-identity-file", "--identity"},
      paramLabel = "FILE",
      description = "age identity file to decrypt with (LIFEBOAT_AGE_IDENTITY_FILE)")
  Path identity;

  RestoreSettings over(RestoreSettings base) {
    RestoreSettings.Builder settings = base.toBuilder().backup(Flags.backup(backup));
    if (namespace != null) {
      settings.namespace(namespace);
    }
    if (mapping != null) {
      settings.mapping(NamespaceMapping.checked(mapping));
    }
    if (include != null) {
      settings.includeResources(include);
    }
    if (exclude != null) {
      settings.excludeResources(exclude);
    }
    if (selectors != null) {
      settings.selectors(selectors);
    }
    if (modifiers != null) {
      settings.modifiers(modifiers);
    }
    if (identity != null) {
      settings.identity(identity);
    }
    return settings.build();
  }
}
