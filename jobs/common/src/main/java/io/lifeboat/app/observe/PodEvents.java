package io.lifeboat.app.observe;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Records a run's outcome as a core/v1 Event on the run's pod, so {@code kubectl describe pod} and
 * {@code kubectl get events} show it next to the Job. Needs {@code create} on events and, to link
 * the Event to the pod's uid, {@code get} on pods (without it the Event is still written).
 */
public final class PodEvents {
  private final KubernetesClient client;
  private final String namespace;
  private final String pod;

  public PodEvents(KubernetesClient client, String namespace, String pod) {
    this.client = client;
    this.namespace = namespace;
    this.pod = pod;
  }

  public Event record(RunReport report, Instant now) {
    String time = DateTimeFormatter.ISO_INSTANT.format(now);
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                pod + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano()))
            .withNamespace(namespace)
            .addToLabels("app.kubernetes.io/name", "lifeboat")
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion("v1")
            .withKind("Pod")
            .withNamespace(namespace)
            .withName(pod)
            .withUid(podUid())
            .endInvolvedObject()
            .withType(type(report))
            .withReason(reason(report))
            .withMessage(report.message())
            .withNewSource()
            .withComponent("lifeboat")
            .endSource()
            .withReportingComponent("lifeboat")
            .withReportingInstance(pod)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .withCount(1)
            .build();
    return client.v1().events().inNamespace(namespace).resource(event).create();
  }

  /**
   * {@code BackupDone}, {@code BackupSkipped}, {@code BackupPartial}, {@code BackupFailed}; {@code
   * PruneDone}, {@code PruneFailed}; {@code RestoreDone}, {@code RestorePartial}, {@code
   * RestoreFailed}.
   */
  static String reason(RunReport report) {
    return capitalized(report.task().segment()) + capitalized(report.outcome().label());
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  static String type(RunReport report) {
    return report.outcome() == RunReport.Outcome.DONE
            || report.outcome() == RunReport.Outcome.SKIPPED
        ? "Normal"
        : "Warning";
  }

  private String podUid() {
    try {
      Pod found = client.pods().inNamespace(namespace).withName(pod).get();
      return found == null ? null : found.getMetadata().getUid();
    } catch (KubernetesClientException e) {
      return null;
    }
  }
}
