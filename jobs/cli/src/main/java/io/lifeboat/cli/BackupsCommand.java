package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "backups",
    description = "List, describe, verify and download committed backups.",
    subcommands = {
      BackupsCommand.ListBackups.class,
      BackupsCommand.Describe.class,
      VerifyCommand.class,
      DownloadCommand.class
    })
public class BackupsCommand {

  /** Kind and scope filters shared by list and describe. */
  static class Filter {
    @Option(names = "--kind", description = "etcd, namespace or volumes (default: all)")
    String kind;

    @Option(names = "--scope", description = "cluster or cluster/namespace (default: all)")
    String scope;

    List<BackupRef> list(Repository repository) {
      List<BackupRef> refs = new ArrayList<>();
      Scope parsedScope = scope == null ? null : Flags.scope("--scope", scope);
      Kind parsedKind = kind == null ? null : Flags.kind("--kind", kind);
      for (Kind k : parsedKind == null ? List.of(Kind.values()) : List.of(parsedKind)) {
        if (parsedScope == null || k.namespaced() == (parsedScope.namespace() != null)) {
          refs.addAll(repository.list(k, parsedScope));
        }
      }
      refs.sort(java.util.Comparator.comparing(BackupRef::id));
      return refs;
    }
  }

  @Command(
      name = "list",
      description =
          "Committed backups, oldest first: id, kind, scope, created (local time, with age), size,"
              + " duration and status. Exit 5 when the location is not a repository.")
  static class ListBackups implements Callable<Integer> {
    @Mixin LocationOptions location;
    @Mixin Filter filter;

    @Option(
        names = "--since",
        paramLabel = "DURATION",
        description = "only backups created within this long, e.g. 90m, 24h, 7d")
    Duration since;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "table (default), json or yaml",
        defaultValue = "table")
    String output;

    @Inject LifeboatConfig config;

    @Override
    public Integer call() {
      Output format = Output.parse(output);
      Clock clock = Clock.systemUTC();
      try (ObjectStore store = location.open(config)) {
        Repository repository = new Repository(store, clock);
        repository.descriptor();
        Instant now = clock.instant();
        List<BackupRef> refs =
            filter.list(repository).stream()
                .filter(r -> since == null || !r.id().time().isBefore(now.minus(since)))
                .toList();
        List<BackupTable.Row> rows = BackupTable.rows(repository, refs);
        if (rows.isEmpty() && format == Output.TABLE) {
          System.err.println("no backups found in " + store.location());
          return 0;
        }
        System.out.print(
            format == Output.TABLE
                ? BackupTable.render(rows, now, ZoneId.systemDefault())
                : format.document(BackupTable.documents(rows)) + "\n");
        return 0;
      }
    }
  }

  @Command(name = "describe", description = "Show one backup's manifest.")
  static class Describe implements Callable<Integer> {
    @Mixin LocationOptions location;
    @Mixin Filter filter;

    @Parameters(
        index = "0",
        paramLabel = "BACKUP",
        description = "backup id (20261125T181500Z-3f9a) or 'latest'")
    String backup;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "table (default), json or yaml",
        defaultValue = "table")
    String output;

    @Inject LifeboatConfig config;

    @Override
    public Integer call() {
      Output format = Output.parse(output);
      BackupId wanted = "latest".equals(backup) ? null : Flags.backupId(backup);
      try (ObjectStore store = location.open(config)) {
        Repository repository = new Repository(store, Clock.systemUTC());
        List<BackupRef> all = filter.list(repository);
        List<BackupRef> matches =
            wanted == null
                ? newestOfEachScope(all)
                : all.stream().filter(r -> r.id().equals(wanted)).toList();
        if (matches.isEmpty()) {
          throw new NotFoundException(
              "backup '" + backup + "' not found under " + store.location());
        }
        if (matches.size() > 1) {
          throw new InvalidConfigurationException(
              "backup '"
                  + backup
                  + "' matches "
                  + matches.size()
                  + " backups ("
                  + matches.stream().map(r -> r.kind() + " " + r.scope()).distinct().toList()
                  + "): add --kind and --scope");
        }
        Manifest manifest = repository.manifest(matches.get(0));
        System.out.println(
            format == Output.TABLE ? ManifestText.render(manifest) : format.document(manifest));
        return 0;
      }
    }

    private static List<BackupRef> newestOfEachScope(List<BackupRef> refs) {
      var newest = new java.util.LinkedHashMap<String, BackupRef>();
      refs.forEach(r -> newest.put(r.kind() + " " + r.scope(), r));
      return List.copyOf(newest.values());
    }
  }
}
