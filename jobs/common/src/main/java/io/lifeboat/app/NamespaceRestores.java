package io.lifeboat.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.codec.AgeIdentities;
import io.lifeboat.codec.Decoding;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.export.Selection;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.restore.namespace.ExistingPolicy;
import io.lifeboat.restore.namespace.NamespaceMapping;
import io.lifeboat.restore.namespace.NamespaceRestorer;
import io.lifeboat.restore.namespace.ResourceModifiers;
import io.lifeboat.restore.namespace.RestoreLimits;
import io.lifeboat.restore.namespace.RestoreOptions;
import io.lifeboat.restore.namespace.RestoreRequest;
import io.lifeboat.restore.namespace.VolumeBackupChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a namespace restore from config (and the CLI's overrides), so the Job and the CLI make the
 * same call. Translation only.
 */
public final class NamespaceRestores {
  private NamespaceRestores() {}

  public static RestoreSettings settings(NamespaceRestoreConfig restore, LifeboatConfig config) {
    RestoreSettings.Builder settings =
        new RestoreSettings.Builder()
            .backup(restore.backup())
            .mapping(restore.namespaceMapping().orElse(List.of()))
            .existing(restore.existing())
            .includeResources(restore.includeResources().orElse(List.of()))
            .excludeResources(restore.excludeResources().orElse(List.of()))
            .selectors(restore.selector().orElse(List.of()))
            .preserveNodePorts(restore.preserveNodePorts())
            .crdTimeout(restore.crdTimeout())
            .deleteTimeout(restore.deleteTimeout())
            .parallelism(restore.parallelism())
            .volumesBackup(restore.volumesBackup())
            .volumesWindow(restore.volumesWindow());
    restore.namespace().ifPresent(settings::namespace);
    restore.resourceModifiers().ifPresent(settings::modifiers);
    config.age().identityFile().ifPresent(settings::identity);
    return settings.build();
  }

  /** {@code lifeboat.restore.max-object-size}, {@code max-objects}, {@code max-archive-size}. */
  public static RestoreLimits limits(NamespaceRestoreConfig restore) {
    return RestoreLimits.parse(
        restore.maxObjectSize(), restore.maxObjects(), restore.maxArchiveSize());
  }

  public static RestoreRequest request(
      RestoreSettings settings, LifeboatConfig config, Repository repository) {
    return request(settings, config, repository, RestoreLimits.defaults());
  }

  public static RestoreRequest request(
      RestoreSettings settings,
      LifeboatConfig config,
      Repository repository,
      RestoreLimits limits) {
    if (settings.namespace() == null) {
      throw new InvalidConfigurationException(
          "lifeboat.restore.namespace (--namespace) is required: the namespace of the backup");
    }
    Scope scope = Scope.namespace(Tasks.cluster(config), settings.namespace());
    BackupRef backup = repository.resolve(Kind.NAMESPACE, scope, settings.backup());
    RestoreOptions options =
        RestoreOptions.builder()
            .mapping(NamespaceMapping.parse(settings.mapping()))
            .existingPolicy(ExistingPolicy.parse(settings.existing()))
            .selection(
                Selection.all()
                    .withResources(settings.includeResources(), settings.excludeResources())
                    .withLabelSelectors(settings.selectors()))
            .modifiers(modifiers(settings.modifiers()))
            .volumes(new VolumeBackupChoice(settings.volumesBackup(), settings.volumesWindow()))
            .preserveNodePorts(settings.preserveNodePorts())
            .crdTimeout(settings.crdTimeout())
            .deleteTimeout(settings.deleteTimeout())
            .parallelism(settings.parallelism())
            .build();
    Decoding decoding =
        settings.identity() == null
            ? Decoding.withoutIdentities()
            : Decoding.with(AgeIdentities.fromFile(settings.identity()));
    return new RestoreRequest(
        backup, Tasks.cluster(config), decoding, options, Tasks.runner(), limits);
  }

  public static NamespaceRestorer restorer(Repository repository, KubernetesClient client) {
    return new NamespaceRestorer(repository, client);
  }

  private static ResourceModifiers modifiers(Path file) {
    if (file == null) {
      return ResourceModifiers.none();
    }
    try {
      return ResourceModifiers.parse(Files.readString(file), "'" + file + "'");
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "lifeboat.restore.resource-modifiers: cannot read '" + file + "': " + e.getMessage());
    }
  }
}
