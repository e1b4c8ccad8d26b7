package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.repository.BackupId;
import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Json;
import io.lifeboat.repository.Kind;
import io.lifeboat.repository.Manifest;
import io.lifeboat.repository.Repository;
import io.lifeboat.repository.Scope;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
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

    List<BackupRef> list(Repository repository) {
      List<BackupRef> refs = new ArrayList<>();
      Scope parsedScope = scope == null ? null : Scope.parse(scope);
      for (Kind k : kind == null ? List.of(Kind.values()) : List.of(Kind.parse(kind))) {
        if (parsedScope == null || k.namespaced() == (parsedScope.namespace() != null)) {
          refs.addAll(repository.list(k, parsedScope));
        }
      }
      return refs;
    }
  }

  @Command(
      name = "list",
      description = "Committed backups, oldest first, from one listing of the catalog.")
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
        List<BackupRef> refs = filter.list(new Repository(store, Clock.systemUTC()));
        if ("json".equals(output)) {
          System.out.println(
              Json.writeString(
                  refs.stream()
                      .map(
                          r ->
                              Map.of(
                                  "kind",
                                  r.kind().segment(),
                                  "scope",
                                  r.scope().toString(),
                                  "id",
                                  r.id().toString(),
                                  "time",
                                  r.id().time().toString()))
                      .toList()));
        } else if ("table".equals(output)) {
          System.out.printf("%-10s %-40s %s%n", "KIND", "SCOPE", "ID");
          refs.forEach(r -> System.out.printf("%-10s %-40s %s%n", r.kind(), r.scope(), r.id()));
        } else {
          throw new InvalidConfigurationException(
              "--output must be table or json, was '" + output + "'");
        }
        return 0;
      }
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
            filter.list(repository).stream().filter(r -> r.id().equals(wanted)).toList();
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
