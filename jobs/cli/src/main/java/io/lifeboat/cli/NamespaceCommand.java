package io.lifeboat.cli;

import picocli.CommandLine.Command;

@Command(
    name = "namespace",
    description = "Namespace exports and restores.",
    subcommands = {NamespaceExportCommand.class})
public class NamespaceCommand {}
