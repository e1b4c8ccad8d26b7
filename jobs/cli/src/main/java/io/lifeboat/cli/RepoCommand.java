package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Recipients;
import io.lifeboat.repository.RepositoryCheck;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.ObjectStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "repo",
    description = "Manage the repository.",
    subcommands = {RepoCommand.Init.class, RepoCheckCommand.class})
public class RepoCommand {

  @Command(
      name = "init",
      description =
          "Probe the store for conditional writes, create lifeboat.json, report versioning and Object Lock. Run once, with broad credentials.")
  static class Init implements Callable<Integer> {
    @Mixin LocationOptions location;
    @Inject LifeboatConfig config;

    @Override
    public Integer call() {
      try (ObjectStore store = location.openCreating(config)) {
        var outcome =
            new RepositoryInitializer(store, Clock.systemUTC())
                .init(Recipients.fingerprints(config));
        System.out.println(
            (outcome.created() ? "created repository at " : "repository already exists at ")
                + store.location()
                + (outcome.descriptor().recipients().isEmpty()
                    ? " (unencrypted: set LIFEBOAT_AGE_RECIPIENTS to encrypt)"
                    : " encrypting to " + outcome.descriptor().recipients()));
        RepositoryCheck.protectionLines(store.protections()).forEach(System.out::println);
        return 0;
      }
    }
  }
}
