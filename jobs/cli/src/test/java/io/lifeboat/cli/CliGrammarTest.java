package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.app.ConfigReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/cli.md's conventions, checked on every command of the real command tree: nouns then verbs,
 * the backup positional with 'latest', -o only a format, files as --output-file, durations in one
 * syntax, and a backup task's flags exactly its environment variables.
 */
class CliGrammarTest {
  private static final Set<String> NOUNS =
      Set.of("repo", "backups", "restore", "etcd", "namespace", "volumes");
  private static final Set<String> VERBS_AT_THE_TOP = Set.of("prune", "completion");

  static Stream<CommandSpec> everyCommand() {
    List<CommandSpec> all = new ArrayList<>();
    collect(CliApp.commandLine(CommandLine.defaultFactory()), all);
    return all.stream();
  }

  private static void collect(CommandLine line, List<CommandSpec> into) {
    into.add(line.getCommandSpec());
    line.getSubcommands().values().forEach(sub -> collect(sub, into));
  }

  @Test
  void theTopLevelIsNounsThenVerbs() {
    var top = CliApp.commandLine(CommandLine.defaultFactory()).getSubcommands().keySet();
    assertThat(top).allMatch(n -> NOUNS.contains(n) || VERBS_AT_THE_TOP.contains(n));
    assertThat(top).containsAll(NOUNS);
  }

  @ParameterizedTest(name = "{0} renders its help with a description for every flag")
  @MethodSource("everyCommand")
  void everyCommandAndFlagIsDescribed(CommandSpec command) {
    assertThat(command.usageMessage().description()).as(command.qualifiedName()).isNotEmpty();
    for (OptionSpec option : command.options()) {
      assertThat(option.description()).as(option.longestName()).isNotEmpty();
      assertThat(option.names())
          .as(command.qualifiedName())
          .allMatch(n -> n.matches("--[a-z0-9]+(-[a-z0-9]+)*|-[a-zA-Z]"));
    }
    assertThat(new CommandLine(command).getUsageMessage()).contains("Usage: ");
  }

  @ParameterizedTest(name = "{0}: a backup is the positional BACKUP, and 'latest' works")
  @MethodSource("everyCommand")
  void theBackupIsAlwaysPositionalAndTakesLatest(CommandSpec command) {
    assertThat(command.findOption("--backup")).as(command.qualifiedName()).isNull();
    for (PositionalParamSpec positional : command.positionalParameters()) {
      if (positional.paramLabel().equals("BACKUP")) {
        assertThat(String.join(" ", positional.description())).contains("'latest'");
        assertThat(positional.index().min()).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}: -o is a format, files are --output-file")
  @MethodSource("everyCommand")
  void dashOIsOnlyEverAFormat(CommandSpec command) {
    OptionSpec output = command.findOption("-o");
    if (output != null) {
      assertThat(output.names()).containsExactlyInAnyOrder("-o", "--output");
      assertThat(output.paramLabel()).isEqualTo("FORMAT");
      assertThat(output.type()).isEqualTo(String.class);
    }
    for (OptionSpec option : command.options()) {
      if (option.type() == Path.class && option.paramLabel().equals("FILE")) {
        assertThat(option.names()).doesNotContain("-o", "--output");
      }
    }
  }

  @ParameterizedTest(name = "{0}: durations are written 90s, 15m, 2h, 7d")
  @MethodSource("everyCommand")
  void durationFlagsTakeTheOneDurationSyntax(CommandSpec command) {
    for (OptionSpec option : command.options()) {
      if (option.type() == Duration.class) {
        assertThat(option.paramLabel()).as(option.longestName()).isEqualTo("DURATION");
        assertThat(String.join(" ", option.description())).doesNotContain("ISO", "PT");
        if (option.defaultValue() != null) {
          assertThat(option.defaultValue()).matches("\\d+(ms|s|m|h|d)");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}: every flag is the environment variable of the same name")
  @MethodSource("backupTasks")
  void aBackupTaskTakesExactlyItsEnvironmentVariablesAsFlags(String path, List<Class<?>> mappings) {
    CommandSpec command = find(path);
    List<String> expected =
        TaskFlags.properties(mappings).stream().map(ConfigReference.Property::flag).toList();
    List<String> flags =
        command.options().stream()
            .map(OptionSpec::longestName)
            .filter(n -> !n.equals("--help") && !n.equals("--version"))
            .toList();
    assertThat(flags).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(flags).contains("--location", "--cluster");
    for (ConfigReference.Property p : TaskFlags.properties(mappings)) {
      assertThat(command.findOption(p.flag()).description()[0]).startsWith(p.env());
    }
    assertThat(flags).doesNotContain("--s3-secret-access-key", "--etcd-password");
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> backupTasks() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "etcd snapshot", EtcdCommand.Snapshot.MAPPINGS),
        org.junit.jupiter.params.provider.Arguments.of(
            "namespace export", NamespaceExportCommand.MAPPINGS),
        org.junit.jupiter.params.provider.Arguments.of(
            "volumes snapshot", VolumesCommand.Snapshot.MAPPINGS));
  }

  @Test
  void theEtcdSnapshotTakesTheEndpointsFlag() {
    assertThat(find("etcd snapshot").findOption("--etcd-endpoints")).isNotNull();
  }

  private static CommandSpec find(String path) {
    CommandLine line = CliApp.commandLine(CommandLine.defaultFactory());
    for (String name : path.split(" ")) {
      line = line.getSubcommands().get(name);
    }
    return line.getCommandSpec();
  }
}
