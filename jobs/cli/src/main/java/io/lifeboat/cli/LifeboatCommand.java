package io.lifeboat.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

@Command(
    name = "lifeboat",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    version = "lifeboat 0.1.0-SNAPSHOT",
    description =
        "Kubernetes disaster recovery: etcd snapshots, namespace exports, volume snapshots, retention, restores.",
    subcommands = {
      RepoCommand.class,
      BackupsCommand.class,
      EtcdCommand.class,
      NamespaceCommand.class,
      VerifyCommand.class,
      PruneCommand.class,
      VolumesCommand.class
    })
public class LifeboatCommand {}
