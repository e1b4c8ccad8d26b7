package io.lifeboat.export.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.lifeboat.export.ExportListener;
import io.lifeboat.kube.ApiType;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists a type page by page ({@code limit} and {@code continue}), handing each page on before
 * asking for the next, so memory holds one page whatever the number of objects.
 */
public final class PagedLister {
  private final KubernetesClient client;
  private final int pageSize;
  private final ExportListener listener;

  public PagedLister(KubernetesClient client, int pageSize, ExportListener listener) {
    this.client = client;
    this.pageSize = pageSize;
    this.listener = listener;
  }

  /**
   * Calls {@code onPage} with every page of {@code type} in {@code namespace} (null: a
   * cluster-scoped type). {@code labelSelector} (nullable) is passed to the server.
   */
  public void forEachPage(
      ApiType type,
      String namespace,
      String labelSelector,
      Consumer<List<GenericKubernetesResource>> onPage) {
    String token = null;
    do {
      GenericKubernetesResourceList page = page(type, namespace, labelSelector, token);
      List<GenericKubernetesResource> items = page.getItems();
      listener.pageListed(type.typeDirectory(), items);
      onPage.accept(items);
      token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (token != null && !token.isEmpty());
  }

  private GenericKubernetesResourceList page(
      ApiType type, String namespace, String labelSelector, String token) {
    ListOptions options =
        new ListOptionsBuilder()
            .withLimit((long) pageSize)
            .withContinue(token)
            .withLabelSelector(labelSelector)
            .build();
    var operation = client.genericKubernetesResources(type.context());
    return namespace == null
        ? operation.list(options)
        : operation.inNamespace(namespace).list(options);
  }
}
