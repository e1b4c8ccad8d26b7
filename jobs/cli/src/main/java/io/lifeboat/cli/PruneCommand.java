package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.PruneTasks;
import io.lifeboat.store.ObjectStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description =
        "Delete backups the retention policy no longer keeps, and garbage older than the grace"
            + " period. Configured like the CronJob: lifeboat.prune.*")
public class PruneCommand implements Callable<Integer> {
  @Mixin LocationOptions location;

  @Option(
      names = "--kind",
      description = "etcd, etcd-delta, namespace or volumes (lifeboat.prune.kinds)")
  String kind;

  @Option(names = "--scope", description = "cluster or cluster/namespace (default: every scope)")
  String scope;

  @Option(
      names = "--dry-run",
      description = "print each backup with keep/remove and why; delete nothing")
  boolean dryRun;

  @Inject LifeboatConfig config;
  @Inject PruneConfig prune;
  @Inject Instance<KubernetesClient> client;

  @Override
  public Integer call() {
    TerminalProgress progress =
        TerminalProgress.forTerminal("pruning", TerminalProgress.Unit.of("object"));
    try (ObjectStore store = location.open(config)) {
      var request = new PruneTasks.Request(kind, scope, dryRun ? Boolean.TRUE : null);
      PruneTasks.prune(
          config,
          prune,
          store,
          Clock.systemUTC(),
          request,
          client::get,
          line -> {
            progress.finish();
            System.out.println(line);
          },
          progress.reporting());
      return 0;
    } finally {
      progress.finish();
    }
  }
}
