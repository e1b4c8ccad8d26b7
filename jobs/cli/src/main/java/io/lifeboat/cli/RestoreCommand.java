package io.lifeboat.cli;

import picocli.CommandLine.Command;

@Command(
    name = "restore",
    description =
        "Restore a backup: 'lifeboat restore etcd|namespace|volumes BACKUP' (BACKUP is an id or"
            + " 'latest'). Nothing is overwritten that the command does not name.",
    subcommands = {
      EtcdRestoreCommand.class,
      NamespaceRestoreCommand.class,
      VolumesRestoreCommand.class
    })
public class RestoreCommand {}
