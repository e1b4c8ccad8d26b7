package io.lifeboat.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.lifeboat.check.CheckLine.Status;
import io.lifeboat.error.ExitCode;
import io.lifeboat.export.MockCluster;
import io.lifeboat.testing.Ports;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code repo check}'s Kubernetes lines against the fabric8 mock (CRUD mode). */
class KubernetesCheckIT {
  @Test
  void aServerThatAnswersReviewsGivesItsVersionTheUserAndEveryPermission() {
    try (MockCluster cluster = new MockCluster(new ReviewingDispatcher("alice", Set.of()))) {
      List<CheckLine> lines = KubernetesCheck.check(cluster.client);

      assertThat(lines).extracting(CheckLine::status).containsOnly(Status.OK);
      assertThat(lines.get(0).detail()).contains("v1.30.2").contains("can list namespaces");
      assertThat(lines.get(1).detail()).startsWith("alice, groups [system:authenticated]");
      assertThat(lines.get(2).detail())
          .contains("list namespaces")
          .contains("get every resource")
          .contains("create volumesnapshots");
      assertThat(CheckLine.exitCode(lines)).isEqualTo(ExitCode.OK);
    }
  }

  @Test
  void aDeniedPermissionIsAWarningNamingIt() {
    try (MockCluster cluster =
        new MockCluster(new ReviewingDispatcher("bob", Set.of("volumesnapshots")))) {
      CheckLine rbac = KubernetesCheck.check(cluster.client).get(2);

      assertThat(rbac.status()).isEqualTo(Status.WARN);
      assertThat(rbac.detail())
          .startsWith("may not create volumesnapshots (volume snapshot)")
          .contains("may list namespaces");
    }
  }

  @Test
  void thePlainCrudMockCannotSayWhoWeAreOrWhatWeMayDoSoBothAreWarnings() {
    try (MockCluster cluster = new MockCluster()) {
      List<CheckLine> lines = KubernetesCheck.check(cluster.client);

      assertThat(lines.get(0).status()).isEqualTo(Status.OK);
      assertThat(lines.get(0).detail()).contains("can list namespaces");
      assertThat(lines.get(1).status()).isEqualTo(Status.WARN);
      assertThat(lines.get(1).detail()).startsWith("unknown");
      assertThat(lines.get(2).status()).isEqualTo(Status.WARN);
      assertThat(lines.get(2).detail()).startsWith("could not determine");
      assertThat(CheckLine.exitCode(lines)).isEqualTo(ExitCode.OK);
    }
  }

  @Test
  void aRefusedConnectionFailsWithExitFourSayingSo() {
    int closed = Ports.free();
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + closed)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      List<CheckLine> lines = KubernetesCheck.check(client);

      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).status()).isEqualTo(Status.FAIL);
      assertThat(lines.get(0).detail()).endsWith("connection refused");
      assertThat(CheckLine.exitCode(lines)).isEqualTo(ExitCode.SOURCE_UNAVAILABLE);
    }
  }
}
