package io.lifeboat.export.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArchiveLayoutTest {

  @Test
  void coreTypesHaveNoGroupSuffixAndOthersDo() {
    assertThat(ArchiveLayout.typeDirectory("configmaps", "")).isEqualTo("configmaps");
    assertThat(ArchiveLayout.typeDirectory("deployments", "apps")).isEqualTo("deployments.apps");
  }

  @Test
  void namespacedAndClusterObjectsHaveVeleroPaths() {
    assertThat(ArchiveLayout.namespacedObject("deployments.apps", "shop", "web"))
        .isEqualTo("resources/deployments.apps/namespaces/shop/web.json");
    assertThat(ArchiveLayout.clusterObject("persistentvolumes", "pv-1"))
        .isEqualTo("resources/persistentvolumes/cluster/pv-1.json");
  }

  @Test
  void pathsParseBackToWhatTheyName() {
    assertThat(ArchiveLayout.parse("resources/deployments.apps/namespaces/shop/web.json"))
        .contains(new ArchiveLayout.Entry("deployments.apps", "shop", "web"));
    assertThat(
            ArchiveLayout.parse(
                "resources/clusterroles.rbac.authorization.k8s.io/cluster/system:view.json"))
        .contains(
            new ArchiveLayout.Entry("clusterroles.rbac.authorization.k8s.io", null, "system:view"));
    assertThat(ArchiveLayout.parse(ArchiveLayout.VERSION_PATH)).isEmpty();
  }

  @Test
  void namesThatWouldEscapeTheirDirectoryAreRefused() {
    assertThatThrownBy(() -> ArchiveLayout.clusterObject("configmaps", ".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArchiveLayout.namespacedObject("configmaps", "shop", "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
