package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.kube.LabelSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void everythingIsSelectedByDefault() {
    Selection all = Selection.all();

    assertThat(all.includesNamespace("payments")).isTrue();
    assertThat(all.includesResource("deployments", "apps")).isTrue();
    assertThat(all.includeClusterResources()).isTrue();
  }

  @Test
  void namespaceGlobsIncludeAndExcludeWithExcludeWinning() {
    Selection selection =
        Selection.all().withNamespaces(List.of("team-*", "shop"), List.of("team-tmp?"));

    assertThat(selection.includesNamespace("team-a")).isTrue();
    assertThat(selection.includesNamespace("shop")).isTrue();
    assertThat(selection.includesNamespace("team-tmp1")).isFalse();
    assertThat(selection.includesNamespace("kube-system")).isFalse();
  }

  @Test
  void resourcesAreNamedWithTheirGroupOrByPluralAlone() {
    Selection selection =
        Selection.all()
            .withResources(List.of("deployments.apps", "configmaps", "*.example.com"), List.of());

    assertThat(selection.includesResource("deployments", "apps")).isTrue();
    assertThat(selection.includesResource("configmaps", "")).isTrue();
    assertThat(selection.includesResource("widgets", "example.com")).isTrue();
    assertThat(selection.includesResource("secrets", "")).isFalse();
    assertThat(selection.includesResource("deployments", "extensions")).isFalse();
    assertThat(
            Selection.all()
                .withResources(List.of(), List.of("events"))
                .includesResource("events", "events.k8s.io"))
        .isFalse();
  }

  @Test
  void labelSelectorsFollowKubernetesSyntax() {
    LabelSelector selector = LabelSelector.parse("app=web, tier in (front, edge),!legacy,env!=dev");

    assertThat(selector.matches(Map.of("app", "web", "tier", "edge"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "edge", "env", "prod"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "back"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "edge", "legacy", ""))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "edge", "env", "dev"))).isFalse();
    assertThat(LabelSelector.parse("release notin (canary)").matches(null)).isTrue();
    assertThat(
            LabelSelector.parse("app.kubernetes.io/name==shop")
                .matches(Map.of("app.kubernetes.io/name", "shop")))
        .isTrue();
  }

  @Test
  void aMalformedLabelSelectorIsAConfigurationErrorQuotingIt() {
    assertThatThrownBy(() -> Selection.all().withLabelSelectors(List.of("app in web")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'app in web'");
  }
}
