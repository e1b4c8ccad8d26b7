package io.lifeboat.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The install, the base and every overlay rendered by kubectl 1.20's kustomize and parsed into
 * fabric8 types: what every CronJob must hold, then what each etcd variant changes. The backup side
 * (k8s/cronjobs, namespace lifeboat) and the admin side (k8s/management, namespace lifeboat-admin,
 * for another cluster) are checked alike.
 */
class ManifestsIT {
  private static final List<String> BACKUP_CRONJOBS =
      List.of(
          "lifeboat-etcd-snapshot",
          "lifeboat-etcd-delta",
          "lifeboat-namespace-export",
          "lifeboat-volume-snapshot");
  private static final List<String> ADMIN_CRONJOBS =
      List.of("lifeboat-prune", "lifeboat-namespace-restore", "lifeboat-etcd-verify");

  /** Every Secret name a workload of {@code objects} reads: env, envFrom and volumes. */
  static java.util.Set<String> secretsReferenced(List<HasMetadata> objects) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (CronJob job : cronJobs(objects)) {
      PodSpec pod = pod(job);
      for (Container c : pod.getContainers()) {
        c.getEnv().stream()
            .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
            .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName()));
        if (c.getEnvFrom() != null) {
          c.getEnvFrom().stream()
              .filter(e -> e.getSecretRef() != null)
              .forEach(e -> names.add(e.getSecretRef().getName()));
        }
      }
      for (Volume v : pod.getVolumes()) {
        if (v.getSecret() != null) {
          names.add(v.getSecret().getSecretName());
        }
        if (v.getProjected() != null) {
          v.getProjected().getSources().stream()
              .filter(p -> p.getSecret() != null)
              .forEach(p -> names.add(p.getSecret().getName()));
        }
      }
    }
    return names;
  }

  private static List<CronJob> cronJobs(List<HasMetadata> objects) {
    return objects.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).toList();
  }

  private static CronJob cronJob(List<HasMetadata> objects, String name) {
    return cronJobs(objects).stream()
        .filter(c -> c.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no CronJob " + name));
  }

  private static PodSpec pod(CronJob job) {
    return job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
  }

  @ParameterizedTest(name = "{0}: every task is a Forbid CronJob with deadlines and history limits")
  @ValueSource(
      strings = {
        ".",
        "base",
        "overlays/k3s",
        "overlays/external-etcd",
        "overlays/aws-irsa",
        "../management",
        "../management/base",
        "../management/overlays/aws-irsa"
      })
  void everyTaskIsAForbidCronJobWithDeadlinesAndHistoryLimits(String dir) {
    List<CronJob> jobs = cronJobs(Kustomize.render(dir));
    boolean admin = dir.startsWith("../management");
    // The generated ConfigMaps come with the top kustomization only: base and overlays are parts.

    assertThat(jobs)
        .extracting(j -> j.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(admin ? ADMIN_CRONJOBS : BACKUP_CRONJOBS);
    for (CronJob job : jobs) {
      var spec = job.getSpec();
      String name = job.getMetadata().getName();
      assertThat(spec.getConcurrencyPolicy()).as(name).isEqualTo("Forbid");
      assertThat(spec.getStartingDeadlineSeconds()).as(name).isPositive();
      assertThat(spec.getSuccessfulJobsHistoryLimit()).as(name).isBetween(1, 5);
      assertThat(spec.getFailedJobsHistoryLimit()).as(name).isBetween(1, 10);
      assertThat(spec.getJobTemplate().getSpec().getActiveDeadlineSeconds()).as(name).isPositive();
      assertThat(spec.getJobTemplate().getSpec().getBackoffLimit()).as(name).isBetween(0, 3);
      assertThat(pod(job).getRestartPolicy()).as(name).isEqualTo("Never");
      assertThat(job.getMetadata().getNamespace())
          .as(name)
          .isEqualTo(admin ? "lifeboat-admin" : "lifeboat");
      // The delta CronJob is the snapshot job in another mode: same certificate, same identity.
      assertThat(pod(job).getServiceAccountName())
          .as(name)
          .isEqualTo(name.replace("etcd-delta", "etcd-snapshot"));
    }
  }

  @ParameterizedTest(
      name = "{0}: the namespace export is an Indexed Job of {1} pods, N in all places")
  @org.junit.jupiter.params.provider.CsvSource({".,1", "base,1", "overlays/sharded-export,4"})
  void theNamespaceExportIsAnIndexedJobWhoseShardCountIsItsCompletions(String dir, int shards) {
    CronJob job = cronJob(Kustomize.render(dir), "lifeboat-namespace-export");
    var spec = job.getSpec().getJobTemplate().getSpec();

    assertThat(spec.getCompletionMode()).isEqualTo("Indexed");
    assertThat(spec.getCompletions()).isEqualTo(shards);
    assertThat(spec.getParallelism()).isEqualTo(shards);
    assertThat(spec.getBackoffLimitPerIndex()).isEqualTo(2);
    // A retry pod takes over its predecessor's claim: it must start only once that pod failed.
    assertThat(spec.getPodReplacementPolicy()).isEqualTo("Failed");
    assertThat(spec.getBackoffLimit()).isEqualTo(2 * shards);
    Map<String, String> env =
        pod(job).getContainers().get(0).getEnv().stream()
            .filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(env).containsEntry("LIFEBOAT_EXPORT_SHARDS", Integer.toString(shards));
    assertThat(env).doesNotContainKey("LIFEBOAT_EXPORT_SHARD");
  }

  @ParameterizedTest(name = "{0}: containers are locked down, sized, and told their Job's name")
  @ValueSource(
      strings = {
        ".",
        "base",
        "overlays/k3s",
        "overlays/external-etcd",
        "overlays/aws-irsa",
        "../management",
        "../management/base",
        "../management/overlays/aws-irsa"
      })
  void containersAreLockedDownSizedAndToldTheirJobsName(String dir) {
    for (CronJob job : cronJobs(Kustomize.render(dir))) {
      String name = job.getMetadata().getName();
      assertThat(pod(job).getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      for (Container c : pod(job).getContainers()) {
        var security = c.getSecurityContext();
        assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
        assertThat(security.getPrivileged()).as(name).isFalse();
        assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).as(name).isNullOrEmpty();
        assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
        assertThat(c.getImage())
            .as(name)
            .startsWith(
                "lifeboat/"
                    + name.substring("lifeboat-".length())
                        .replace("etcd-verify", "cli")
                        .replace("etcd-delta", "etcd-snapshot"));
        EnvVar jobName = env(c, "LIFEBOAT_JOB_NAME");
        assertThat(jobName.getValueFrom().getFieldRef().getFieldPath())
            .as(name)
            .isEqualTo("metadata.labels['job-name']");
        assertThat(c.getEnvFrom())
            .as(name)
            .extracting(e -> e.getConfigMapRef().getName())
            .anyMatch(n -> n.startsWith("lifeboat-jvm-options"))
            .anyMatch(n -> n.startsWith("lifeboat-settings"));
        assertThat(c.getVolumeMounts()).as(name).anyMatch(m -> m.getMountPath().equals("/tmp"));
      }
      for (Volume v : pod(job).getVolumes()) {
        if (v.getEmptyDir() != null) {
          assertThat(v.getEmptyDir().getSizeLimit()).as(name + " " + v.getName()).isNotNull();
        }
      }
      boolean rootForHostCertificates =
          name.startsWith("lifeboat-etcd-") && !dir.equals("overlays/external-etcd");
      if (!rootForHostCertificates) {
        assertThat(pod(job).getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
        assertThat(pod(job).getSecurityContext().getRunAsUser()).as(name).isEqualTo(185L);
        assertThat(pod(job).getVolumes()).as(name).allMatch(v -> v.getHostPath() == null);
      }
    }
  }

  @Test
  void theInstallTakesTheJvmFlagsFromJvmOptionsEnvIntoEveryContainer() throws Exception {
    List<HasMetadata> objects = Kustomize.render(".");
    ConfigMap jvm =
        objects.stream()
            .filter(ConfigMap.class::isInstance)
            .map(ConfigMap.class::cast)
            .filter(c -> c.getMetadata().getName().startsWith("lifeboat-jvm-options-"))
            .findFirst()
            .orElseThrow();
    // An env file as kustomize reads it: comment lines start with '#'.
    String line =
        Files.readAllLines(Kustomize.MANIFESTS.resolve("jvm-options.env")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .findFirst()
            .orElseThrow();

    assertThat(jvm.getData())
        .containsExactly(Map.entry("JAVA_TOOL_OPTIONS", line.substring(line.indexOf('=') + 1)));
    assertThat(jvm.getData().get("JAVA_TOOL_OPTIONS"))
        .as("the heap is bounded")
        .containsAnyOf("-Xmx", "-XX:MaxRAMPercentage=");
    for (CronJob job : cronJobs(objects)) {
      assertThat(pod(job).getContainers().get(0).getEnvFrom())
          .extracting(e -> e.getConfigMapRef().getName())
          .as(job.getMetadata().getName())
          .contains(jvm.getMetadata().getName());
    }
  }

  @Test
  void bothInstallsShipTheSameJvmFlags() throws Exception {
    assertThat(Files.readString(Kustomize.MANIFESTS.resolve("../management/jvm-options.env")))
        .isEqualTo(Files.readString(Kustomize.MANIFESTS.resolve("jvm-options.env")));
  }

  @Test
  void theRestoreAndVerifyJobTemplatesAreSuspendedAndTheBackupsAreNot() {
    List<CronJob> all = new java.util.ArrayList<>(cronJobs(Kustomize.render(".")));
    all.addAll(cronJobs(Kustomize.render("../management")));
    Map<String, Boolean> suspended =
        all.stream()
            .collect(
                Collectors.toMap(
                    j -> j.getMetadata().getName(),
                    j -> Boolean.TRUE.equals(j.getSpec().getSuspend())));

    assertThat(suspended)
        .containsEntry("lifeboat-namespace-restore", true)
        .containsEntry("lifeboat-etcd-verify", true)
        .containsEntry("lifeboat-etcd-snapshot", false)
        .containsEntry("lifeboat-etcd-delta", false)
        .containsEntry("lifeboat-namespace-export", false);
  }

  @Test
  void onKubeadmTheEtcdJobRunsOnAControlPlaneNodeWithTheHostsCertificatesReadOnly() {
    CronJob etcd = cronJob(Kustomize.render("."), "lifeboat-etcd-snapshot");
    PodSpec pod = pod(etcd);
    Container c = pod.getContainers().get(0);

    assertThat(pod.getHostNetwork()).isTrue();
    assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
    assertThat(pod.getNodeSelector()).containsKey("node-role.kubernetes.io/control-plane");
    assertThat(pod.getTolerations())
        .extracting(t -> t.getKey())
        .contains("node-role.kubernetes.io/control-plane");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(volume(pod, "etcd-certs").getHostPath().getPath())
        .isEqualTo("/etc/kubernetes/pki/etcd");
    assertThat(c.getVolumeMounts())
        .filteredOn(m -> m.getName().equals("etcd-certs"))
        .singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
    assertThat(env(c, "LIFEBOAT_ETCD_ENDPOINTS").getValue()).isEqualTo("https://127.0.0.1:2379");
    assertThat(env(c, "LIFEBOAT_ETCD_KEY_FILE").getValue())
        .isEqualTo("/etc/lifeboat/etcd/healthcheck-client.key");
    assertThat(env(c, "LIFEBOAT_ETCD_SPOOL_DIR").getValue()).isEqualTo("/var/spool/lifeboat");
    assertThat(volume(pod, "spool").getEmptyDir().getSizeLimit().toString()).isEqualTo("4Gi");
    assertThat(pod.getSecurityContext().getRunAsUser()).isZero();
  }

  @ParameterizedTest(
      name = "{0}: deltas every minute beside an hourly snapshot, the same pod otherwise")
  @ValueSource(strings = {".", "overlays/k3s", "overlays/external-etcd", "overlays/aws-irsa"})
  void theDeltaCronJobRunsEveryMinuteBesideAnHourlySnapshotInTheSamePod(String dir) {
    List<HasMetadata> objects = Kustomize.render(dir);
    CronJob snapshot = cronJob(objects, "lifeboat-etcd-snapshot");
    CronJob delta = cronJob(objects, "lifeboat-etcd-delta");
    assertThat(snapshot.getSpec().getSchedule()).isEqualTo("0 * * * *");
    assertThat(delta.getSpec().getSchedule()).isEqualTo("* * * * *");
    assertThat(delta.getSpec().getStartingDeadlineSeconds()).isLessThan(60);
    assertThat(delta.getSpec().getSuspend()).isEqualTo(snapshot.getSpec().getSuspend());
    Container deltaContainer = pod(delta).getContainers().get(0);
    assertThat(env(deltaContainer, "LIFEBOAT_ETCD_BACKUP").getValue()).isEqualTo("delta");
    // Apart from its name and the mode, the pod is the snapshot's: a gap takes a full snapshot.
    PodSpec expected = pod(snapshot);
    PodSpec actual = pod(delta);
    Container same =
        new io.fabric8.kubernetes.api.model.ContainerBuilder(deltaContainer)
            .withName(expected.getContainers().get(0).getName())
            .withEnv(
                deltaContainer.getEnv().stream()
                    .filter(e -> !e.getName().equals("LIFEBOAT_ETCD_BACKUP"))
                    .toList())
            .build();
    assertThat(same).isEqualTo(expected.getContainers().get(0));
    assertThat(actual.getVolumes()).isEqualTo(expected.getVolumes());
    assertThat(actual.getNodeSelector()).isEqualTo(expected.getNodeSelector());
    assertThat(actual.getSecurityContext()).isEqualTo(expected.getSecurityContext());
  }

  @Test
  void onK3sTheEtcdJobReadsK3sCertificates() {
    PodSpec pod = pod(cronJob(Kustomize.render("overlays/k3s"), "lifeboat-etcd-snapshot"));
    Container c = pod.getContainers().get(0);

    assertThat(volume(pod, "etcd-certs").getHostPath().getPath())
        .isEqualTo("/var/lib/rancher/k3s/server/tls/etcd");
    assertThat(pod.getNodeSelector())
        .containsEntry("node-role.kubernetes.io/control-plane", "true");
    assertThat(env(c, "LIFEBOAT_ETCD_CA_FILE").getValue()).endsWith("/server-ca.crt");
    assertThat(env(c, "LIFEBOAT_ETCD_CERT_FILE").getValue()).endsWith("/client.crt");
    assertThat(env(c, "LIFEBOAT_ETCD_KEY_FILE").getValue()).endsWith("/client.key");
    assertThat(pod.getHostNetwork()).isTrue();
  }

  @Test
  void anExternalEtcdIsReachedFromAnyNodeAsNonRootWithCertificatesFromASecret() {
    PodSpec pod =
        pod(cronJob(Kustomize.render("overlays/external-etcd"), "lifeboat-etcd-snapshot"));
    Container c = pod.getContainers().get(0);

    assertThat(pod.getHostNetwork()).isNull();
    assertThat(pod.getNodeSelector()).isNullOrEmpty();
    assertThat(pod.getTolerations()).isNullOrEmpty();
    assertThat(volume(pod, "etcd-certs").getSecret().getSecretName())
        .isEqualTo("lifeboat-etcd-client");
    assertThat(env(c, "LIFEBOAT_ETCD_ENDPOINTS").getValue()).doesNotContain("127.0.0.1");
    assertThat(env(c, "LIFEBOAT_ETCD_KEY_FILE").getValue()).isEqualTo("/etc/lifeboat/etcd/tls.key");
  }

  @Test
  void withIrsaTheServiceAccountsCarryRolesAndTheEtcdJobIsSuspended() {
    List<HasMetadata> objects = Kustomize.render("overlays/aws-irsa");
    Map<String, String> roles =
        objects.stream()
            .filter(ServiceAccount.class::isInstance)
            .filter(o -> o.getMetadata().getAnnotations() != null)
            .filter(o -> o.getMetadata().getAnnotations().containsKey("eks.amazonaws.com/role-arn"))
            .collect(
                Collectors.toMap(
                    o -> o.getMetadata().getName(),
                    o -> o.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn")));

    assertThat(roles)
        .containsEntry(
            "lifeboat-namespace-export", "arn:aws:iam::111122223333:role/lifeboat-backup")
        .as("the backed-up cluster never assumes the admin role")
        .doesNotContainValue("arn:aws:iam::111122223333:role/lifeboat-admin");
    assertThat(cronJob(objects, "lifeboat-etcd-snapshot").getSpec().getSuspend()).isTrue();
    assertThat(cronJob(objects, "lifeboat-etcd-delta").getSpec().getSuspend()).isTrue();
    assertThat(
            Kustomize.render("../management/overlays/aws-irsa").stream()
                .filter(ServiceAccount.class::isInstance)
                .map(o -> o.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"))
                .distinct())
        .containsExactly("arn:aws:iam::111122223333:role/lifeboat-admin");
  }

  @Test
  void backupJobsReadPutOnlyCredentialsAndTheOthersTheAdminOnesBothOptional() {
    List<CronJob> all = new java.util.ArrayList<>(cronJobs(Kustomize.render(".")));
    all.addAll(cronJobs(Kustomize.render("../management")));
    assertThat(all).hasSize(7);
    for (CronJob job : all) {
      String name = job.getMetadata().getName();
      String secret = BACKUP_CRONJOBS.contains(name) ? "lifeboat-s3-backup" : "lifeboat-s3-admin";
      Container c = pod(job).getContainers().get(0);
      for (String key : List.of("LIFEBOAT_S3_ACCESS_KEY_ID", "LIFEBOAT_S3_SECRET_ACCESS_KEY")) {
        var ref = env(c, key).getValueFrom().getSecretKeyRef();
        assertThat(ref.getName()).as(name).isEqualTo(secret);
        assertThat(ref.getOptional()).as(name + ": the default chain (IRSA) when absent").isTrue();
      }
    }
  }

  private static EnvVar env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(c.getName() + " has no env " + name));
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
