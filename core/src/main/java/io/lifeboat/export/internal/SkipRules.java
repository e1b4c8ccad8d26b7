package io.lifeboat.export.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.lifeboat.export.Selection;
import io.lifeboat.kube.ApiType;
import java.util.Map;
import java.util.Optional;

/**
 * What must never come back, as Velero decides it: events, pods that have finished (Succeeded or
 * Failed), mirror pods (the kubelet owns them), Jobs that have completed (restoring one would run
 * it again), and anything labelled {@code lifeboat.io/exclude=true}. Each skip has a reason that
 * the manifest counts.
 */
public final class SkipRules {
  static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

  private SkipRules() {}

  /** Why {@code object} of {@code type} stays out of the archive; empty when it goes in. */
  public static Optional<String> reason(ApiType type, GenericKubernetesResource object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels != null && "true".equals(labels.get(Selection.EXCLUDE_LABEL))) {
      return Optional.of("labelled " + Selection.EXCLUDE_LABEL + "=true");
    }
    if (type.is("", "events") || type.is("events.k8s.io", "events")) {
      return Optional.of("events are never restored");
    }
    if (type.is("", "pods")) {
      return podReason(object);
    }
    if (type.is("batch", "jobs") && object.get("status", "completionTime") != null) {
      return Optional.of("job completed: restoring it would run it again");
    }
    return Optional.empty();
  }

  private static Optional<String> podReason(GenericKubernetesResource pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(MIRROR_ANNOTATION)) {
      return Optional.of("mirror pod: the kubelet recreates it from its static manifest");
    }
    Object phase = pod.get("status", "phase");
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return Optional.of("pod phase " + phase);
    }
    return Optional.empty();
  }
}
