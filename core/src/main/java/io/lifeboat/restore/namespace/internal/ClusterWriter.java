package io.lifeboat.restore.namespace.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.lifeboat.kube.KubeFailures;
import io.lifeboat.kube.Poll;
import io.lifeboat.restore.namespace.ExistingPolicy;
import io.lifeboat.restore.namespace.ObjectCleaner;
import io.lifeboat.restore.namespace.PlannedObject;
import io.lifeboat.restore.namespace.RestoreReport.ObjectResult;
import io.lifeboat.restore.namespace.RestoreReport.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes one planned object and sorts the API's answer: created ({@link DirectCreates}: the JSON
 * POSTed as planned, the answer not parsed); 409 AlreadyExists goes to the existing-object policy;
 * any other refusal (422 Invalid, 403 Forbidden, 404 for a type not served) fails that object with
 * the API's code, reason and causes (never its message, see {@link #describe}). Only an unreachable
 * API server (or rejected credentials) aborts the restore (exit 4).
 */
public final class ClusterWriter {
  private static final String TERMINATING = "Terminating";

  private final KubernetesClient client;
  private final ExistingPolicy policy;
  private final String restoreId;
  private final Duration deleteTimeout;
  private final Duration pollInterval;
  private final Poll poll;
  private final String server;
  private final DirectCreates creates;

  public ClusterWriter(
      KubernetesClient client,
      ExistingPolicy policy,
      String restoreId,
      Duration deleteTimeout,
      Duration pollInterval,
      Poll poll) {
    this.client = client;
    this.policy = policy;
    this.restoreId = restoreId;
    this.deleteTimeout = deleteTimeout;
    this.pollInterval = pollInterval;
    this.poll = poll;
    this.server = String.valueOf(client.getMasterUrl());
    this.creates = new DirectCreates(client);
  }

  public ObjectResult write(PlannedObject planned) {
    ObjectNode object = planned.object().deepCopy();
    object.with("metadata").with("labels").put(ObjectCleaner.RESTORE_LABEL, restoreId);
    try {
      try {
        creates.create(planned, object);
        return result(planned, Outcome.CREATED, null);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        return existing(planned, object, resource(planned, object));
      }
    } catch (KubernetesClientException e) {
      if (KubeFailures.unreachable(e)) {
        throw KubeFailures.unavailable(e, server);
      }
      return result(planned, Outcome.FAILED, describe(e));
    } catch (IllegalStateException e) {
      // Our own waits (await): their messages name the object and the timeout only.
      return result(planned, Outcome.FAILED, e.getMessage());
    } catch (RuntimeException e) {
      // Anything else (a serialization error) may quote the object: its type only.
      return result(planned, Outcome.FAILED, "failed: " + e.getClass().getSimpleName());
    }
  }

  private ObjectResult existing(
      PlannedObject planned, ObjectNode object, Resource<GenericKubernetesResource> resource) {
    String kind = planned.archived().kind();
    boolean container = kind.equals("Namespace") || kind.equals("CustomResourceDefinition");
    if (kind.equals("Namespace") && terminating(resource)) {
      waitUntilGone(resource, "namespace " + planned.name() + " is still Terminating");
      resource.create();
      return result(planned, Outcome.CREATED, "after the old namespace finished terminating");
    }
    ExistingPolicy effective =
        container && policy == ExistingPolicy.RECREATE ? ExistingPolicy.UPDATE : policy;
    switch (effective) {
      case UPDATE:
        GenericKubernetesResource current = resource.get();
        if (current == null) {
          resource.create();
          return result(planned, Outcome.CREATED, null);
        }
        object.with("metadata").put("resourceVersion", current.getMetadata().getResourceVersion());
        resource(planned, object).update();
        return result(planned, Outcome.UPDATED, "existed: updated");
      case RECREATE:
        resource.delete();
        waitUntilGone(resource, planned.describe() + " was not deleted");
        resource.create();
        return result(planned, Outcome.CREATED, "existed: deleted and created again");
      default:
        return result(planned, Outcome.SKIPPED, "already exists (policy skip)");
    }
  }

  private boolean terminating(Resource<GenericKubernetesResource> resource) {
    GenericKubernetesResource current = resource.get();
    if (current == null) {
      return true;
    }
    Object status = current.getAdditionalProperties().get("status");
    return status instanceof java.util.Map<?, ?> map && TERMINATING.equals(map.get("phase"));
  }

  private void waitUntilGone(Resource<GenericKubernetesResource> resource, String failure) {
    await(poll, () -> resource.get() == null, deleteTimeout, pollInterval, failure);
  }

  /** Polls {@code done} until true; throws {@code failure} (and the timeout) when it never is. */
  static void await(
      Poll poll, BooleanSupplier done, Duration timeout, Duration interval, String failure) {
    if (!poll.until(done, timeout, interval, failure)) {
      throw new IllegalStateException(failure + " within " + timeout);
    }
  }

  /**
   * The object's resource, always in the namespace the plan pinned (its archive path's, mapped):
   * never the client's default namespace, which for a restore Job is Lifeboat's own.
   */
  private Resource<GenericKubernetesResource> resource(PlannedObject planned, ObjectNode object) {
    GenericKubernetesResource body =
        client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    var all = client.genericKubernetesResources(context(planned, object));
    if (planned.archived().clusterScoped()) {
      return all.resource(body);
    }
    String namespace = planned.namespace();
    if (namespace == null || namespace.isEmpty()) {
      throw new IllegalStateException(
          planned.describe() + " has no target namespace: refused (not written)");
    }
    return all.inNamespace(namespace).resource(body);
  }

  /** The type from the archive directory and the object's own apiVersion: no discovery needed. */
  static ResourceDefinitionContext context(PlannedObject planned, ObjectNode object) {
    String typeDirectory = planned.typeDirectory();
    int dot = typeDirectory.indexOf('.');
    String apiVersion = object.path("apiVersion").asText();
    return new ResourceDefinitionContext.Builder()
        .withGroup(dot < 0 ? "" : typeDirectory.substring(dot + 1))
        .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
        .withPlural(dot < 0 ? typeDirectory : typeDirectory.substring(0, dot))
        .withKind(object.path("kind").asText())
        .withNamespaced(!planned.archived().clusterScoped())
        .build();
  }

  /**
   * The API's refusal without its message: a 422's message quotes the refused value ({@code Invalid
   * value: "..."}), an admission webhook's may quote anything. The code, the reason and each
   * cause's field and type say what was refused and why; the values stay in the cluster.
   */
  static String describe(KubernetesClientException e) {
    Status status = e.getStatus();
    if (e.getCode() <= 0) {
      return KubeFailures.describe(e);
    }
    StringBuilder text = new StringBuilder("HTTP ").append(e.getCode());
    if (status != null && status.getReason() != null && !status.getReason().isEmpty()) {
      text.append(' ').append(status.getReason());
    }
    List<StatusCause> causes =
        status == null || status.getDetails() == null ? null : status.getDetails().getCauses();
    if (causes != null && !causes.isEmpty()) {
      text.append(": ");
      for (int i = 0; i < causes.size(); i++) {
        StatusCause cause = causes.get(i);
        text.append(i == 0 ? "" : ", ")
            .append(cause.getField() == null ? "(object)" : cause.getField())
            .append(' ')
            .append(cause.getReason() == null ? "refused" : cause.getReason());
      }
    }
    return text.append(" (the API server's message is left out: it may quote object data)")
        .toString();
  }

  private static ObjectResult result(PlannedObject planned, Outcome outcome, String reason) {
    return new ObjectResult(
        planned.typeDirectory(), planned.namespace(), planned.name(), outcome, reason);
  }
}
