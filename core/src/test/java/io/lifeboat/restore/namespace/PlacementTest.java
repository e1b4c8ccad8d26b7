package io.lifeboat.restore.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.export.archive.ArchiveLayout;
import io.lifeboat.repository.Json;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The archive path, not the JSON, decides where an object goes (issue 13, attack 5). */
class PlacementTest {
  @ParameterizedTest(name = "{0} holding {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "resources/configmaps/namespaces/shop/a.json | {'kind':'ConfigMap','apiVersion':'v1','metadata':{'name':'a','namespace':'shop'}} | ",
        "resources/configmaps/namespaces/shop/a.json | {'kind':'ConfigMap','apiVersion':'v1','metadata':{'name':'a'}} | ",
        "resources/configmaps/namespaces/shop/a.json | {'kind':'ConfigMap','apiVersion':'v1','metadata':{'name':'a','namespace':'kube-system'}} | refused: /metadata/namespace differs from its archive path's namespace shop",
        "resources/configmaps/namespaces/shop/a.json | {'kind':'ConfigMap','apiVersion':'v1','metadata':{'name':'b','namespace':'shop'}} | refused: /metadata/name differs from its archive path",
        "resources/configmaps/namespaces/shop/a.json | {'apiVersion':'v1','metadata':{'name':'a'}} | refused: /kind or /apiVersion is missing or not a string",
        "resources/configmaps/namespaces/other/a.json | {'kind':'ConfigMap','apiVersion':'v1','metadata':{'name':'a','namespace':'other'}} | refused: its archive path is not under the backup's namespace shop",
        "resources/secrets/cluster/a.json | {'kind':'Secret','apiVersion':'v1','metadata':{'name':'a'}} | refused: secrets is namespaced but its archive path is cluster/",
        "resources/widgets.example.com/cluster/a.json | {'kind':'Widget','apiVersion':'example.com/v1','metadata':{'name':'a','namespace':'shop'}} | refused: /metadata/namespace is set on an object from a cluster/ path",
        "resources/namespaces/cluster/shop.json | {'kind':'Namespace','apiVersion':'v1','metadata':{'name':'shop'}} | ",
        "resources/validatingwebhookconfigurations.admissionregistration.k8s.io/cluster/a.json | {'kind':'ValidatingWebhookConfiguration','apiVersion':'admissionregistration.k8s.io/v1','metadata':{'name':'a'}} | refused: a namespace backup holds no cluster-scoped validatingwebhookconfigurations.admissionregistration.k8s.io",
        "resources/clusterroles.rbac.authorization.k8s.io/cluster/a.json | {'kind':'ClusterRole','apiVersion':'rbac.authorization.k8s.io/v1','metadata':{'name':'a'}} | ",
        "resources/namespaces/cluster/lifeboat.json | {'kind':'Namespace','apiVersion':'v1','metadata':{'name':'lifeboat'}} | refused: a Namespace other than the backup's own (shop)",
        "resources/clusterrolebindings.rbac.authorization.k8s.io/namespaces/shop/a.json | {'kind':'ClusterRoleBinding','apiVersion':'rbac.authorization.k8s.io/v1','metadata':{'name':'a'}} | refused: clusterrolebindings.rbac.authorization.k8s.io is cluster-scoped but its archive path is not",
      })
  void refusesWhatDisagreesWithItsArchivePath(String path, String json, String expected) {
    ArchiveLayout.Entry place = ArchiveLayout.parse(path).orElseThrow();
    ObjectNode object =
        (ObjectNode)
            Json.tree(Json.read(json.replace('\'', '"').getBytes(), ObjectNode.class, path));
    ArchivedObject archived =
        new ArchivedObject(place.typeDirectory(), place.namespace(), place.name(), object);

    assertThat(Placement.refusal(archived, "shop")).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "a modifier leaving /metadata/namespace {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "copy | ",
        "kube-system | refused: /metadata/namespace was changed by a resource modifier",
      })
  void refusesAnObjectAModifierMoved(String namespace, String expected) {
    ObjectNode object = Json.MAPPER.createObjectNode();
    object.putObject("metadata").put("name", "a").put("namespace", namespace);
    ArchivedObject archived = new ArchivedObject("configmaps", "shop", "a", object);

    assertThat(Placement.moved(archived, object, "copy")).isEqualTo(Optional.ofNullable(expected));
  }
}
