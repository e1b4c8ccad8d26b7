package io.lifeboat.check;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.lifeboat.error.ExitCode;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code repo check}'s Kubernetes lines: the API server (its version, and listing namespaces as
 * proof the identity gets in), who the client is (SelfSubjectReview, authentication.k8s.io/v1,
 * Kubernetes 1.28+), and whether it may do what Lifeboat asks (SelfSubjectAccessReview per
 * permission). An API server that does not answer fails (exit 4); one that cannot say who we are or
 * what we may do is a WARN "could not determine", never an OK.
 */
public final class KubernetesCheck {
  public static final String API = "kubernetes api";
  public static final String USER = "kubernetes user";
  public static final String RBAC = "kubernetes rbac";

  /** What Lifeboat's tasks ask of the API server, as (verb, group, resource, what needs it). */
  record Permission(String verb, String group, String resource, String label) {}

  static final List<Permission> NEEDED =
      List.of(
          new Permission("list", "", "namespaces", "list namespaces"),
          new Permission("get", "*", "*", "get every resource (export)"),
          new Permission("list", "*", "*", "list every resource (export)"),
          new Permission(
              "create",
              "snapshot.storage.k8s.io",
              "volumesnapshots",
              "create volumesnapshots (volume snapshot)"));

  private KubernetesCheck() {}

  public static List<CheckLine> check(KubernetesClient client) {
    String server = String.valueOf(client.getMasterUrl());
    CheckLine api = api(client, server);
    if (api.status() == CheckLine.Status.FAIL) {
      return List.of(api);
    }
    return List.of(api, user(client), rbac(client));
  }

  private static CheckLine api(KubernetesClient client, String server) {
    String version;
    try {
      VersionInfo info = client.getKubernetesVersion();
      version =
          info == null || info.getGitVersion() == null ? "version unknown" : info.getGitVersion();
    } catch (KubernetesClientException | IllegalArgumentException e) {
      if (refused(e)) {
        return CheckLine.fail(API, server + ": connection refused", ExitCode.SOURCE_UNAVAILABLE);
      }
      version = "version unknown";
    }
    try {
      client.namespaces().list(new ListOptionsBuilder().withLimit(1L).build());
      return CheckLine.ok(API, server + ", " + version + ", can list namespaces");
    } catch (KubernetesClientException e) {
      if (e.getCode() == 0 || e.getCode() == 401) {
        return CheckLine.fail(API, server + ": " + reason(e), ExitCode.SOURCE_UNAVAILABLE);
      }
      return CheckLine.warn(
          API, server + ", " + version + ", cannot list namespaces: " + reason(e));
    }
  }

  private static CheckLine user(KubernetesClient client) {
    try {
      SelfSubjectReview review =
          client.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview());
      String name =
          review == null || review.getStatus() == null || review.getStatus().getUserInfo() == null
              ? null
              : review.getStatus().getUserInfo().getUsername();
      if (name == null || name.isBlank()) {
        return CheckLine.warn(USER, "unknown: the API server's SelfSubjectReview named no user");
      }
      List<String> groups = review.getStatus().getUserInfo().getGroups();
      return CheckLine.ok(
          USER, name + (groups == null || groups.isEmpty() ? "" : ", groups " + groups));
    } catch (KubernetesClientException e) {
      return CheckLine.warn(
          USER, "unknown: SelfSubjectReview (Kubernetes 1.28+) not answered: " + reason(e));
    }
  }

  private static CheckLine rbac(KubernetesClient client) {
    List<String> allowed = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    for (Permission permission : NEEDED) {
      Boolean answer;
      try {
        answer = allowed(client, permission);
      } catch (KubernetesClientException e) {
        return CheckLine.warn(
            RBAC, "could not determine: SelfSubjectAccessReview failed: " + reason(e));
      }
      if (answer == null) {
        return CheckLine.warn(
            RBAC,
            "could not determine: the API server's SelfSubjectAccessReview carried no answer");
      }
      (answer ? allowed : denied).add(permission.label());
    }
    if (denied.isEmpty()) {
      return CheckLine.ok(RBAC, "may " + String.join(", ", allowed));
    }
    return CheckLine.warn(
        RBAC,
        "may not "
            + String.join(", ", denied)
            + (allowed.isEmpty() ? "" : "; may " + String.join(", ", allowed))
            + " (each task needs only its own: docs/security.md)");
  }

  /** The review's answer; null when the server sent none (the fabric8 mock echoes the request). */
  private static Boolean allowed(KubernetesClient client, Permission permission) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withResourceAttributes(
                new ResourceAttributesBuilder()
                    .withVerb(permission.verb())
                    .withGroup(permission.group())
                    .withResource(permission.resource())
                    .build())
            .endSpec()
            .build();
    SelfSubjectAccessReview answer =
        client.authorization().v1().selfSubjectAccessReview().create(review);
    return answer == null || answer.getStatus() == null ? null : answer.getStatus().getAllowed();
  }

  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  /** One line, no Java names: "connection refused", or the HTTP status and the server's message. */
  static String reason(KubernetesClientException e) {
    if (refused(e)) {
      return "connection refused";
    }
    if (e.getCode() > 0) {
      String message = e.getStatus() != null ? e.getStatus().getMessage() : null;
      return "HTTP " + e.getCode() + (message == null ? "" : ": " + message);
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return String.valueOf(cause.getMessage());
  }
}
