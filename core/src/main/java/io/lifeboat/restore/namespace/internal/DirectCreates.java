package io.lifeboat.restore.namespace.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.lifeboat.restore.namespace.PlannedObject;
import java.util.concurrent.ExecutionException;

/**
 * A create as one POST of the planned JSON to the object's collection, through the client's own
 * HTTP client (its authentication, TLS, retries and connection pool): the object is serialized once
 * from the tree, and a 201's body (the object as stored) is not parsed, since a restore needs only
 * the status. A refusal's body is read as the API's Status, so it fails exactly as fabric8's {@code
 * create()} would ({@link KubernetesClientException} with the code and Status).
 *
 * <p>Measured (bench/README.md, 10k ConfigMaps): fabric8's generic {@code create()} converted each
 * object tree to a {@code GenericKubernetesResource}, serialized that, and parsed the answer back
 * into one: three JSON passes per object where one is needed.
 */
final class DirectCreates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;

  DirectCreates(KubernetesClient client) {
    this.http = client.getHttpClient();
    this.base = String.valueOf(client.getMasterUrl()).replaceAll("/+$", "");
  }

  /** Creates {@code object}; throws the API's refusal as fabric8 does, code 0 when unreachable. */
  void create(PlannedObject planned, ObjectNode object) {
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(collection(planned, object))
            .post("application/json", bytes(object))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.sendAsync(request, byte[].class).get();
    } catch (ExecutionException e) {
      // Code 0, as fabric8 reports a request that got no answer: the restore stops (exit 4).
      KubernetesClientException failed =
          new KubernetesClientException("POST " + request.uri() + " got no answer", 0, null);
      failed.initCause(e.getCause());
      throw failed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while creating " + planned.describe(), e);
    }
    if (response.code() / 100 != 2) {
      throw new KubernetesClientException(status(response));
    }
  }

  /** {@code /api/v1[/namespaces/<ns>]/<plural>} or {@code /apis/<group>/<version>[...]}. */
  String collection(PlannedObject planned, ObjectNode object) {
    var type = ClusterWriter.context(planned, object);
    StringBuilder path = new StringBuilder(base);
    path.append(type.getGroup().isEmpty() ? "/api/" : "/apis/" + type.getGroup() + "/");
    path.append(type.getVersion());
    if (!planned.archived().clusterScoped()) {
      String namespace = planned.namespace();
      if (namespace == null || namespace.isEmpty()) {
        throw new IllegalStateException(
            planned.describe() + " has no target namespace: refused (not written)");
      }
      path.append("/namespaces/").append(namespace);
    }
    return path.append('/').append(type.getPlural()).toString();
  }

  private static byte[] bytes(ObjectNode object) {
    try {
      return JSON.writeValueAsBytes(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("object does not serialize: " + e.getOriginalMessage(), e);
    }
  }

  private static Status status(HttpResponse<byte[]> response) {
    try {
      Status status = JSON.readValue(response.body(), Status.class);
      if (status.getCode() == null || status.getCode() == 0) {
        status.setCode(response.code());
      }
      return status;
    } catch (java.io.IOException | RuntimeException notAStatus) {
      return new StatusBuilder().withCode(response.code()).build();
    }
  }
}
