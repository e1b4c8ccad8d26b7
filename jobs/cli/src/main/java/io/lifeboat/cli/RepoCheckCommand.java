package io.lifeboat.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.app.ConfigErrors;
import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Tasks;
import io.lifeboat.check.CheckLine;
import io.lifeboat.check.KubernetesCheck;
import io.lifeboat.etcd.EtcdCheck;
import io.lifeboat.repository.RepositoryCheck;
import io.lifeboat.repository.StoreAccessCheck;
import io.lifeboat.store.ObjectStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat repo check}: one table of OK / WARN / FAIL / SKIP lines (docs/cli.md): the
 * repository, the store identity and what it was proven to do, etcd and the Kubernetes API when
 * configured, and who Lifeboat is there. The exit code follows from the lines ({@link
 * CheckLine#exitCode}).
 */
@Command(
    name = "check",
    modelTransformer = RepoCheckCommand.EtcdFlags.class,
    description =
        "Check the repository (descriptor, conditional writes, versioning, Object Lock), the store"
            + " identity (LIST, PUT, DELETE proven), etcd (with --etcd-endpoints) and the Kubernetes"
            + " API (with a kubeconfig): one line each, OK, WARN, FAIL or SKIP. Exit 0 when nothing"
            + " failed, 5 store not usable, 4 etcd or API server unavailable, 3 with"
            + " --require-protection when neither versioning nor Object Lock is on.")
public class RepoCheckCommand implements Callable<Integer> {
  static final List<Class<?>> MAPPINGS = List.of(EtcdConfig.class);

  /** The etcd flags, as {@code etcd snapshot} takes them. */
  public static class EtcdFlags implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return TaskFlags.addTo(spec, MAPPINGS);
    }
  }

  @Spec CommandSpec spec;
  @Mixin LocationOptions location;
  @Inject LifeboatConfig config;
  @Inject Instance<KubernetesClient> client;

  @Option(
      names = "--require-protection",
      description = "exit 3 unless versioning or Object Lock with a default retention is on")
  boolean requireProtection;

  @Override
  public Integer call() {
    EtcdConfig etcd = TaskFlags.config(spec, MAPPINGS).getConfigMapping(EtcdConfig.class);
    List<CheckLine> lines = new ArrayList<>();
    try (ObjectStore store = location.open(config)) {
      var report = new RepositoryCheck(store, Clock.systemUTC()).check();
      lines.addAll(report.checks(requireProtection));
      String identity = StoreIdentity.describe(location.settings(config), System::getenv);
      // What is not a repository gets nothing written into it.
      lines.add(
          report.repository()
              ? StoreAccessCheck.check(store, identity)
              : CheckLine.skip(StoreAccessCheck.NAME, identity + ": not a repository, not tried"));
    }
    lines.addAll(
        etcd.endpoints().isEmpty()
            ? List.of(CheckLine.skip("etcd", "not configured (--etcd-endpoints)"))
            : etcdLines(etcd));
    Optional<String> kubeconfig = kubeconfig();
    lines.addAll(
        kubeconfig.isEmpty()
            ? List.of(
                CheckLine.skip(
                    KubernetesCheck.API,
                    "no kubeconfig (KUBECONFIG, ~/.kube/config) and not in a pod"))
            : KubernetesCheck.check(client.get()));
    CheckTable.print(lines, System.out);
    return CheckLine.exitCode(lines).code();
  }

  /** Each endpoint's line, naming the flag or variable the endpoints came from. */
  private List<CheckLine> etcdLines(EtcdConfig etcd) {
    var flags = TaskFlags.given(spec, MAPPINGS);
    return EtcdCheck.check(Tasks.etcdSettings(etcd)).stream()
        .map(
            l ->
                new CheckLine(
                    l.name(),
                    l.status(),
                    ConfigErrors.rename(l.detail(), flags, System::getenv),
                    l.whenFailed()))
        .toList();
  }

  /** Where the client's configuration comes from, if anywhere (else nothing to check). */
  static Optional<String> kubeconfig() {
    String variable = System.getenv("KUBECONFIG");
    if (variable != null && !variable.isBlank()) {
      return Optional.of("KUBECONFIG");
    }
    if (Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config"))) {
      return Optional.of("~/.kube/config");
    }
    if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
      return Optional.of("in-cluster service account");
    }
    return ConfigProvider.getConfig()
        .getOptionalValue("quarkus.kubernetes-client.api-server-url", String.class);
  }
}
