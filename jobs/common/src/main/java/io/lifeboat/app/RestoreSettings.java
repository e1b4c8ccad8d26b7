package io.lifeboat.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The values of one namespace restore, after the CLI's flags were laid over the config. */
public record RestoreSettings(
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
  public RestoreSettings withNamespace(String other) {
    return toBuilder().namespace(other).build();
  }

  /** The same settings with the CLI's {@code --existing}. */
  public RestoreSettings withExisting(String policy) {
    return toBuilder().existing(policy).build();
  }

  /** The same settings with the CLI's {@code --volumes-backup} / {@code --volumes-window}. */
  public RestoreSettings withVolumes(String backup, Duration window) {
    return toBuilder()
        .volumesBackup(backup != null ? backup : volumesBackup)
        .volumesWindow(window != null ? window : volumesWindow)
        .build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** One field at a time, for the CLI to lay its flags over the config. */
  public static final class Builder {
    private String namespace;
    private String backup;
    private List<String> mapping;
    private String existing;
    private List<String> includeResources;
    private List<String> excludeResources;
    private List<String> selectors;
    private Path modifiers;
    private boolean preserveNodePorts;
    private Duration crdTimeout;
    private Duration deleteTimeout;
    private int parallelism;
    private Path identity;
    private String volumesBackup;
    private Duration volumesWindow;

    public Builder() {}

    private Builder(RestoreSettings from) {
      namespace = from.namespace;
      backup = from.backup;
      mapping = from.mapping;
      existing = from.existing;
      includeResources = from.includeResources;
      excludeResources = from.excludeResources;
      selectors = from.selectors;
      modifiers = from.modifiers;
      preserveNodePorts = from.preserveNodePorts;
      crdTimeout = from.crdTimeout;
      deleteTimeout = from.deleteTimeout;
      parallelism = from.parallelism;
      identity = from.identity;
      volumesBackup = from.volumesBackup;
      volumesWindow = from.volumesWindow;
    }

    public Builder namespace(String value) {
      namespace = value;
      return this;
    }

    public Builder backup(String value) {
      backup = value;
      return this;
    }

    public Builder mapping(List<String> value) {
      mapping = value;
      return this;
    }

    public Builder existing(String value) {
      existing = value;
      return this;
    }

    public Builder includeResources(List<String> value) {
      includeResources = value;
      return this;
    }

    public Builder excludeResources(List<String> value) {
      excludeResources = value;
      return this;
    }

    public Builder selectors(List<String> value) {
      selectors = value;
      return this;
    }

    public Builder modifiers(Path value) {
      modifiers = value;
      return this;
    }

    public Builder preserveNodePorts(boolean value) {
      preserveNodePorts = value;
      return this;
    }

    public Builder crdTimeout(Duration value) {
      crdTimeout = value;
      return this;
    }

    public Builder deleteTimeout(Duration value) {
      deleteTimeout = value;
      return this;
    }

    public Builder parallelism(int value) {
      parallelism = value;
      return this;
    }

    public Builder identity(Path value) {
      identity = value;
      return this;
    }

    public Builder volumesBackup(String value) {
      volumesBackup = value;
      return this;
    }

    public Builder volumesWindow(Duration value) {
      volumesWindow = value;
      return this;
    }

    public RestoreSettings build() {
      return new RestoreSettings(
          namespace,
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
  }
}
