package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Objects exercising every cleaning rule the shop fixtures do not. */
final class SyntheticObjects {
  static final List<String> ALL =
      List.of(
          """
          {"apiVersion":"v1","kind":"Pod","metadata":{"name":"api","namespace":"shop","uid":"u1"},
           "spec":{"nodeName":"node-1","priority":5,"serviceAccountName":"app",
             "volumes":[{"name":"app-token-x1"},{"name":"data"}],
             "containers":[{"name":"c","volumeMounts":[{"name":"app-token-x1"},{"name":"data"}]},{"name":"d"}],
             "initContainers":[{"name":"i","volumeMounts":[{"name":"app-token-x1"}]}]},
           "status":{"phase":"Running"}}""",
          """
          {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"nightly","namespace":"shop"},
           "spec":{"selector":{"matchLabels":{"controller-uid":"x","batch.kubernetes.io/controller-uid":"x","a":"b"}},
             "template":{"metadata":{"labels":{"controller-uid":"x","a":"b"}}}}}""",
          """
          {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"done","namespace":"shop"},
           "spec":{},"status":{"completionTime":"2026-11-25T18:00:00Z"}}""",
          """
          {"apiVersion":"v1","kind":"Secret","metadata":{"name":"app-token-x1","namespace":"shop",
           "annotations":{"kubernetes.io/service-account.name":"app"}},"type":"kubernetes.io/service-account-token"}""",
          """
          {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"app","namespace":"shop"},
           "secrets":[{"name":"app-token-x1"},{"name":"pull"}]}""",
          """
          {"apiVersion":"v1","kind":"Service","metadata":{"name":"lb","namespace":"shop"},
           "spec":{"type":"LoadBalancer","clusterIP":"10.0.0.1","clusterIPs":["10.0.0.1"],"healthCheckNodePort":31000,
             "ports":[{"port":80,"nodePort":30080}]}}""",
          """
          {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"scratch","namespace":"shop",
           "annotations":{"pv.kubernetes.io/bind-completed":"yes","volume.kubernetes.io/selected-node":"node-1","keep":"me"}},
           "spec":{"volumeName":"pv-gone"}}""",
          """
          {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-gone"},
           "spec":{"persistentVolumeReclaimPolicy":"Delete","claimRef":{"namespace":"shop","name":"scratch","uid":"u"}}}""",
          """
          {"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingWebhookConfiguration",
           "metadata":{"name":"check"},"webhooks":[{"name":"a","sideEffects":"Unknown"},{"name":"b","sideEffects":"None"},{"name":"c"}]}""",
          """
          {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"gadgets.example.com"},
           "spec":{"group":"example.com","preserveUnknownFields":true,"names":{"plural":"gadgets","kind":"Gadget"},
             "versions":[{"name":"v1","schema":{"openAPIV3Schema":{"type":"object"}}},{"name":"v2"}]}}""",
          """
          {"apiVersion":"apiregistration.k8s.io/v1","kind":"APIService","metadata":{"name":"v1.metrics",
           "labels":{"kube-aggregator.kubernetes.io/automanaged":"onstart"}}}""",
          """
          {"apiVersion":"example.com/v1","kind":"Gadget","metadata":{"name":"g","namespace":"shop","uid":"g1"}}""",
          """
          {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"of-gadget","namespace":"shop",
           "ownerReferences":[{"apiVersion":"example.com/v1","kind":"Gadget","name":"g","uid":"g1"}]}}""",
          """
          {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"orphan","namespace":"shop","generateName":"o-",
           "ownerReferences":[{"apiVersion":"example.com/v1","kind":"Gadget","name":"gone","uid":"g9"}]}}""",
          """
          {"apiVersion":"v1","kind":"Pod","metadata":{"name":"static","namespace":"shop",
           "annotations":{"kubernetes.io/config.mirror":"x"}},"spec":{}}""");

  private SyntheticObjects() {}

  /** Where the export would have put it. */
  static ArchivedObject place(ObjectNode object) {
    String kind = object.path("kind").asText();
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String plural =
        switch (kind) {
          case "Pod" -> "pods";
          case "Job" -> "jobs";
          case "Secret" -> "secrets";
          case "ServiceAccount" -> "serviceaccounts";
          case "Service" -> "services";
          case "PersistentVolumeClaim" -> "persistentvolumeclaims";
          case "PersistentVolume" -> "persistentvolumes";
          case "ValidatingWebhookConfiguration" -> "validatingwebhookconfigurations";
          case "CustomResourceDefinition" -> "customresourcedefinitions";
          case "APIService" -> "apiservices";
          case "Gadget" -> "gadgets";
          default -> "configmaps";
        };
    String namespace = object.path("metadata").path("namespace").asText(null);
    return new ArchivedObject(
        group.isEmpty() ? plural : plural + "." + group,
        namespace,
        object.path("metadata").path("name").asText(),
        object);
  }
}
