package io.lifeboat.cli;

import picocli.CommandLine.Command;

@Command(
    name = "lifeboat",
    mixinStandardHelpOptions = true,
    version = "lifeboat 0.1.0-SNAPSHOT",
    description =
        "Kubernetes disaster recovery: etcd snapshots, namespace exports, volume snapshots, retention, restores.",
    subcommands = {
      RepoCommand.class,
      BackupsCommand.class,
      EtcdCommand.class,
      VolumesCommand.class
    })
public class LifeboatCommand {}
