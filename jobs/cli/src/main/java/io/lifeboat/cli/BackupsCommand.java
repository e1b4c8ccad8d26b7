package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.CatalogEntry;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "backups",
    description = "List and describe committed backups.",
    subcommands = {BackupsCommand.ListBackups.class, BackupsCommand.Describe.class})
public class BackupsCommand {

  /** Kind and scope filters shared by list and describe. */
  static class Filter {
    @Option(names = "--kind", description = "etcd, namespace or volumes (default: all)")
    String kind;

    @Option(names = "--scope", description = "cluster or cluster/namespace (default: all)")
    String scope;

    /**
     * Every catalog entry: validated (every manifest read, 8 at a time) for {@code list}, so those
     * that do not count carry their status and reason; judged from listings alone for describe,
     * which then validates the one it shows.
     */
    List<CatalogEntry> list(Repository repository, boolean validate) {
      List<CatalogEntry> entries = new ArrayList<>();
      Scope parsedScope = scope == null ? null : Scope.parse(scope);
      for (Kind k : kind == null ? List.of(Kind.values()) : List.of(Kind.parse(kind))) {
        if (parsedScope == null || k.namespaced() == (parsedScope.namespace() != null)) {
          entries.addAll(
              validate
                  ? repository.entries(k, parsedScope)
                  : repository.catalog().list(k, parsedScope).entries());
        }
      }
      return entries;
    }
  }

  @Command(
      name = "list",
      description =
          "Catalog entries, oldest first, each with its STATUS: valid, or why it does not count"
              + " (invalid, unsupported, back-dated, future-dated).")
  static class ListBackups implements Callable<Integer> {
    @Mixin LocationOptions location;
    @Mixin Filter filter;

    @Option(
        names = {"-o", "--output"},
        description = "table or json",
        defaultValue = "table")
    String output;

    @Inject LifeboatConfig config;

    @Override
    public Integer call() {
      try (ObjectStore store = location.open(config)) {
        List<CatalogEntry> entries = filter.list(new Repository(store, Clock.systemUTC()), true);
        if ("json".equals(output)) {
          System.out.println(Json.writeString(entries.stream().map(ListBackups::json).toList()));
        } else if ("table".equals(output)) {
          System.out.printf("%-10s %-40s %-22s %s%n", "KIND", "SCOPE", "ID", "STATUS");
          entries.forEach(
              e ->
                  System.out.printf(
                      "%-10s %-40s %-22s %s%n",
                      e.ref().kind(),
                      e.ref().scope(),
                      e.ref().id(),
                      e.reason().isEmpty()
                          ? e.status().text()
                          : e.status().text() + ": " + e.reason()));
        } else {
          throw new InvalidConfigurationException(
              "--output must be table or json, was '" + output + "'");
        }
        return 0;
      }
    }

    private static Map<String, String> json(CatalogEntry e) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("kind", e.ref().kind().segment());
      fields.put("scope", e.ref().scope().toString());
      fields.put("id", e.ref().id().toString());
      fields.put("time", e.ref().id().time().toString());
      fields.put("status", e.status().text());
      if (!e.reason().isEmpty()) {
        fields.put("reason", e.reason());
      }
      return fields;
    }
  }

  @Command(name = "describe", description = "Show one backup's manifest.")
  static class Describe implements Callable<Integer> {
    @Mixin LocationOptions location;
    @Mixin Filter filter;

    @Parameters(paramLabel = "ID", description = "backup id, e.g. 20261125T181500Z-3f9a")
    String id;

    @Option(
        names = {"-o", "--output"},
        description = "text or json",
        defaultValue = "text")
    String output;

    @Inject LifeboatConfig config;

    @Override
    public Integer call() {
      BackupId wanted = BackupId.parse(id);
      try (ObjectStore store = location.open(config)) {
        Repository repository = new Repository(store, Clock.systemUTC());
        List<BackupRef> matches =
            filter.list(repository, false).stream()
                .map(CatalogEntry::ref)
                .filter(r -> r.id().equals(wanted))
                .toList();
        if (matches.isEmpty()) {
          throw new NotFoundException("backup '" + id + "' not found under " + store.location());
        }
        if (matches.size() > 1) {
          throw new InvalidConfigurationException(
              "backup id '"
                  + id
                  + "' exists in several scopes "
                  + matches
                  + ": add --kind and --scope");
        }
        Manifest manifest = repository.manifest(matches.get(0));
        System.out.println(
            "json".equals(output) ? Json.writeString(manifest) : ManifestText.render(manifest));
        return 0;
      }
    }
  }
}
