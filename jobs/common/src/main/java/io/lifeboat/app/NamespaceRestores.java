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
import java.time.Duration;
import java.util.List;

/**
 * Builds a namespace restore from config (and the CLI's overrides), so the Job and the CLI make the
 * same call. Translation only.
 */
public final class NamespaceRestores {
  private NamespaceRestores() {}

  /** The values of one restore, after the CLI's flags were laid over the config. */
  public record Settings(
      String namespace,
      String backup,
      List<String> mapping,
      String existing,
      List<String> includeResources,
      List<String> excludeResources,
      List<String> selectors,
      Path modifiers,
      boolean preserveNodePorts,
      Duration crdTimeout,
      Duration deleteTimeout,
      int parallelism,
      Path identity,
      String volumesBackup,
      Duration volumesWindow) {

    /** The same settings for the backup of {@code other} (a restore of many namespaces). */
    public Settings withNamespace(String other) {
      return new Settings(
          other,
          backup,
          mapping,
          existing,
          includeResources,
          excludeResources,
          selectors,
          modifiers,
          preserveNodePorts,
          crdTimeout,
          deleteTimeout,
          parallelism,
          identity,
          volumesBackup,
          volumesWindow);
    }

    /** The same settings with the CLI's {@code --existing}. */
    public Settings withExisting(String policy) {
      return new Settings(
          namespace,
          backup,
          mapping,
          policy,
          includeResources,
          excludeResources,
          selectors,
          modifiers,
          preserveNodePorts,
          crdTimeout,
          deleteTimeout,
          parallelism,
          identity,
          volumesBackup,
          volumesWindow);
    }

    /** The same settings with the CLI's {@code --volumes-backup} / {@code --volumes-window}. */
    public Settings withVolumes(String backup, Duration window) {
      return new Settings(
          namespace,
          this.backup,
          mapping,
          existing,
          includeResources,
          excludeResources,
          selectors,
          modifiers,
          preserveNodePorts,
          crdTimeout,
          deleteTimeout,
          parallelism,
          identity,
          backup != null ? backup : volumesBackup,
          window != null ? window : volumesWindow);
    }
  }

  public static Settings settings(NamespaceRestoreConfig restore, LifeboatConfig config) {
    return new Settings(
        restore.namespace().orElse(null),
        restore.backup(),
        restore.namespaceMapping().orElse(List.of()),
        restore.existing(),
        restore.includeResources().orElse(List.of()),
        restore.excludeResources().orElse(List.of()),
        restore.selector().orElse(List.of()),
        restore.resourceModifiers().orElse(null),
        Stores.bool(restore.preserveNodePorts(), "lifeboat.restore.preserve-node-ports"),
        restore.crdTimeout(),
        restore.deleteTimeout(),
        restore.parallelism(),
        config.age().identityFile().orElse(null),
        restore.volumesBackup(),
        restore.volumesWindow());
  }

  /** {@code lifeboat.restore.max-object-size}, {@code max-objects}, {@code max-archive-size}. */
  public static RestoreLimits limits(NamespaceRestoreConfig restore) {
    return RestoreLimits.parse(
        restore.maxObjectSize(), restore.maxObjects(), restore.maxArchiveSize());
  }

  public static RestoreRequest request(
      Settings settings, LifeboatConfig config, Repository repository) {
    return request(settings, config, repository, RestoreLimits.defaults());
  }

  public static RestoreRequest request(
      Settings settings, LifeboatConfig config, Repository repository, RestoreLimits limits) {
    if (settings.namespace() == null) {
      throw new InvalidConfigurationException(
          "lifeboat.restore.namespace (--namespace) is required: the namespace of the backup");
    }
    Scope scope = Scope.namespace(Tasks.cluster(config), settings.namespace());
    BackupRef backup = repository.resolve(Kind.NAMESPACE, scope, settings.backup());
    RestoreOptions options =
        new RestoreOptions(
            NamespaceMapping.parse(settings.mapping()),
            ExistingPolicy.parse(settings.existing()),
            Selection.all()
                .withResources(settings.includeResources(), settings.excludeResources())
                .withLabelSelectors(settings.selectors()),
            modifiers(settings.modifiers()),
            new VolumeBackupChoice(settings.volumesBackup(), settings.volumesWindow()),
            settings.preserveNodePorts(),
            settings.crdTimeout(),
            settings.deleteTimeout(),
            Duration.ofSeconds(1),
            settings.parallelism(),
            Duration.ofMinutes(10));
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
