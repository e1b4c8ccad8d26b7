package io.lifeboat.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

@Command(
    name = "lifeboat",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    version = "lifeboat 0.1.0-SNAPSHOT",
    description =
        "Kubernetes disaster recovery: etcd snapshots, namespace exports, volume snapshots, retention,"
            + " restores. Grammar: lifeboat NOUN VERB [BACKUP] [flags] (docs/cli.md). Exit codes:"
            + " 0 done, 2 invalid input, 3 partly failed, 4 source unavailable, 5 location"
            + " unavailable, 6 integrity, 7 not found, 11 locked.",
    subcommands = {
      RepoCommand.class,
      BackupsCommand.class,
      RestoreCommand.class,
      EtcdCommand.class,
      NamespaceCommand.class,
      VolumesCommand.class,
      PruneCommand.class,
      CompletionCommand.class
    })
public class LifeboatCommand {}
