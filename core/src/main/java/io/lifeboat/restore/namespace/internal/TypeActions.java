package io.lifeboat.restore.namespace.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lifeboat.restore.namespace.NamespaceMapping;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Velero's per-type restore actions (reference §1.5), on the object's JSON. {@link
 * io.lifeboat.restore.namespace.ObjectCleaner} owns the list and documents it; this class only
 * carries the per-kind detail so the cleaner stays readable.
 */
public final class TypeActions {
  private static final String SA_TOKEN_TYPE = "kubernetes.io/service-account-token";
  private static final List<String> CLAIM_ANNOTATIONS =
      List.of(
          "pv.kubernetes.io/bind-completed",
          "pv.kubernetes.io/bound-by-controller",
          "volume.kubernetes.io/storage-provisioner",
          "volume.beta.kubernetes.io/storage-provisioner",
          "volume.kubernetes.io/selected-node",
          "velero.io/volume-snapshot-name",
          "velero.io/data-upload-name");

  private TypeActions() {}

  /** Why an object must not be restored at all; empty when it may be. */
  public static Optional<String> skipReason(ObjectNode object) {
    String kind = object.path("kind").asText();
    JsonNode metadata = object.path("metadata");
    switch (kind) {
      case "Pod":
        String phase = object.path("status").path("phase").asText("");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
          return Optional.of("pod phase " + phase);
        }
        if (metadata.path("annotations").has("kubernetes.io/config.mirror")) {
          return Optional.of("mirror pod: the kubelet recreates it from its static manifest");
        }
        return Optional.empty();
      case "Job":
        return object.path("status").hasNonNull("completionTime")
            ? Optional.of("job completed: restoring it would run it again")
            : Optional.empty();
      case "Secret":
        JsonNode account = metadata.path("annotations").path("kubernetes.io/service-account.name");
        return object.path("type").asText().equals(SA_TOKEN_TYPE)
                && account.isTextual()
                && metadata.path("name").asText().startsWith(account.asText() + "-token-")
            ? Optional.of("auto-created service account token: the token controller recreates it")
            : Optional.empty();
      case "APIService":
        return metadata.path("labels").has("kube-aggregator.kubernetes.io/automanaged")
            ? Optional.of("automanaged APIService: the aggregator recreates it")
            : Optional.empty();
      case "PersistentVolume":
        return object.path("spec").path("persistentVolumeReclaimPolicy").asText().equals("Delete")
            ? Optional.of("reclaim policy Delete: left to dynamic provisioning")
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** Applies the kind's changes in place (generic metadata is the cleaner's job). */
  public static void clean(
      ObjectNode object,
      NamespaceMapping mapping,
      boolean preserveNodePorts,
      Set<String> restoredVolumes) {
    ObjectNode spec = object.path("spec") instanceof ObjectNode s ? s : null;
    ObjectNode metadata = object.with("metadata");
    switch (object.path("kind").asText()) {
      case "Pod" -> pod(spec);
      case "Job" -> job(spec);
      case "Secret" -> secret(object, metadata);
      case "ServiceAccount" -> serviceAccount(object, metadata.path("name").asText());
      case "Service" -> service(spec, preserveNodePorts);
      case "PersistentVolumeClaim" -> claim(spec, metadata, restoredVolumes);
      case "PersistentVolume" -> volume(spec, metadata, mapping);
      case "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration" -> webhooks(object);
      case "CustomResourceDefinition" -> definition(object, spec);
      case "RoleBinding", "ClusterRoleBinding" -> subjects(object, mapping);
      case "Namespace" -> metadata.put("name", mapping.map(metadata.path("name").asText()));
      default -> {}
    }
  }

  private static void pod(ObjectNode spec) {
    if (spec == null) {
      return;
    }
    spec.remove(List.of("nodeName", "priority"));
    String account = spec.path("serviceAccountName").asText("");
    if (account.isEmpty()) {
      return;
    }
    Predicate<JsonNode> token = v -> v.path("name").asText().startsWith(account + "-token-");
    removeFrom(spec.get("volumes"), token);
    for (String containers : List.of("containers", "initContainers")) {
      for (JsonNode container : spec.path(containers)) {
        removeFrom(container.get("volumeMounts"), token);
      }
    }
  }

  private static void job(ObjectNode spec) {
    if (spec == null) {
      return;
    }
    List<String> uidLabels = List.of("controller-uid", "batch.kubernetes.io/controller-uid");
    if (spec.path("selector").path("matchLabels") instanceof ObjectNode labels) {
      labels.remove(uidLabels);
    }
    if (spec.path("template").path("metadata").path("labels") instanceof ObjectNode labels) {
      labels.remove(uidLabels);
    }
  }

  private static void secret(ObjectNode object, ObjectNode metadata) {
    if (!object.path("type").asText().equals(SA_TOKEN_TYPE)) {
      return;
    }
    if (metadata.path("annotations") instanceof ObjectNode annotations) {
      annotations.remove("kubernetes.io/service-account.uid");
    }
    if (object.path("data") instanceof ObjectNode data) {
      data.remove(List.of("token", "ca.crt"));
    }
  }

  private static void serviceAccount(ObjectNode object, String name) {
    removeFrom(object.get("secrets"), s -> s.path("name").asText().startsWith(name + "-token-"));
  }

  private static void service(ObjectNode spec, boolean preserveNodePorts) {
    if (spec == null) {
      return;
    }
    if (!spec.path("clusterIP").asText().equals("None")) {
      spec.remove(List.of("clusterIP", "clusterIPs"));
    }
    if (!preserveNodePorts) {
      spec.remove("healthCheckNodePort");
      for (JsonNode port : spec.path("ports")) {
        ((ObjectNode) port).remove("nodePort");
      }
    }
  }

  private static void claim(ObjectNode spec, ObjectNode metadata, Set<String> restoredVolumes) {
    if (metadata.path("annotations") instanceof ObjectNode annotations) {
      annotations.remove(CLAIM_ANNOTATIONS);
    }
    if (spec != null
        && spec.hasNonNull("volumeName")
        && !restoredVolumes.contains(spec.get("volumeName").asText())) {
      spec.remove("volumeName");
    }
  }

  private static void volume(ObjectNode spec, ObjectNode metadata, NamespaceMapping mapping) {
    if (metadata.path("annotations") instanceof ObjectNode annotations) {
      annotations.remove(
          List.of("pv.kubernetes.io/bind-completed", "pv.kubernetes.io/bound-by-controller"));
    }
    if (spec != null && spec.path("claimRef") instanceof ObjectNode claimRef) {
      claimRef.remove(List.of("uid", "resourceVersion"));
      if (claimRef.hasNonNull("namespace")) {
        claimRef.put("namespace", mapping.map(claimRef.get("namespace").asText()));
      }
    }
  }

  private static void webhooks(ObjectNode object) {
    for (JsonNode webhook : object.path("webhooks")) {
      String effects = webhook.path("sideEffects").asText("");
      if (!effects.equals("None") && !effects.equals("NoneOnDryRun")) {
        ((ObjectNode) webhook).put("sideEffects", "None");
      }
    }
  }

  private static void definition(ObjectNode object, ObjectNode spec) {
    if (spec == null
        || !object.path("apiVersion").asText().equals("apiextensions.k8s.io/v1")
        || !spec.path("preserveUnknownFields").asBoolean(false)) {
      return;
    }
    spec.put("preserveUnknownFields", false);
    for (JsonNode version : spec.path("versions")) {
      if (version.path("schema").path("openAPIV3Schema") instanceof ObjectNode schema) {
        schema.put("x-kubernetes-preserve-unknown-fields", true);
      }
    }
  }

  private static void subjects(ObjectNode object, NamespaceMapping mapping) {
    for (JsonNode subject : object.path("subjects")) {
      if (subject.hasNonNull("namespace")) {
        ((ObjectNode) subject).put("namespace", mapping.map(subject.get("namespace").asText()));
      }
    }
  }

  private static void removeFrom(JsonNode array, Predicate<JsonNode> unwanted) {
    if (array instanceof ArrayNode items) {
      for (int i = items.size() - 1; i >= 0; i--) {
        if (unwanted.test(items.get(i))) {
          items.remove(i);
        }
      }
    }
  }
}
