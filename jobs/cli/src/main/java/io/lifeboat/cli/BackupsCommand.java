package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
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

    /**
     * Every catalog entry, oldest first: validated (every manifest read, 8 at a time) when {@code
     * validate}, so those that do not count carry their status and reason; judged from listings
     * alone otherwise.
     */
    List<CatalogEntry> list(Repository repository, boolean validate) {
      List<CatalogEntry> entries = new ArrayList<>();
      for (Kind k : kinds()) {
        if (parsedScope() == null || k.namespaced() == (parsedScope().namespace() != null)) {
          entries.addAll(
              validate
                  ? repository.entries(k, parsedScope())
                  : repository.catalog().list(k, parsedScope()).entries());
        }
      }
      entries.sort(java.util.Comparator.comparing((CatalogEntry e) -> e.ref().id()));
      return entries;
    }

    List<Kind> kinds() {
      return kind == null ? List.of(Kind.values()) : List.of(Flags.kind("--kind", kind));
    }

    Scope parsedScope() {
      return scope == null ? null : Flags.scope("--scope", scope);
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
        List<CatalogEntry> entries =
            filter.list(repository, true).stream()
                .filter(e -> since == null || !e.ref().id().time().isBefore(now.minus(since)))
                .toList();
        List<BackupTable.Row> rows = BackupTable.rows(repository, entries);
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
        List<BackupRef> all =
            filter.list(repository, false).stream().map(CatalogEntry::ref).toList();
        List<BackupRef> matches =
            wanted == null
                ? newestOfEachScope(repository, all)
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

    /**
     * {@code latest} of each kind and scope listed: the newest entry that validates (never a
     * forged, back-dated or future-dated one), as {@link Repository#resolve} decides it.
     */
    private static List<BackupRef> newestOfEachScope(Repository repository, List<BackupRef> refs) {
      var scopes = new java.util.LinkedHashMap<String, BackupRef>();
      refs.forEach(r -> scopes.put(r.kind() + " " + r.scope(), r));
      if (scopes.size() > 1) {
        return List.copyOf(scopes.values());
      }
      return scopes.values().stream()
          .map(r -> repository.resolve(r.kind(), r.scope(), "latest"))
          .toList();
    }
  }
}
