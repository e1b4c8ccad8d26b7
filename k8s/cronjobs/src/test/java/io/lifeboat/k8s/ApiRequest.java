package io.lifeboat.k8s;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One API request as RBAC sees it: (verb, API group, resource[/subresource]), parsed from the
 * method and path the way the API server's RequestInfoFactory does. Discovery ({@code /api}, {@code
 * /apis}, their group versions, {@code /version}) is a non-resource request, which every
 * authenticated user may GET (the default {@code system:discovery} role): it parses to empty.
 */
record ApiRequest(String verb, String group, String resource, String namespace) {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");
  private static final Set<String> CONNECT_SUBRESOURCES =
      Set.of("pods/exec", "pods/attach", "pods/portforward");

  /**
   * What the API server authorizes for the request: its parsed self, and for an exec, attach or
   * port-forward over a websocket (a GET, as fabric8 sends it) also {@code create}, which
   * Kubernetes 1.35 checks too (feature gate AuthorizePodWebsocketUpgradeCreatePermission, beta, on
   * by default) and which the SPDY POST always needed. Discovery parses to nothing.
   */
  static List<ApiRequest> checks(String methodAndPath) {
    Optional<ApiRequest> parsed = parse(methodAndPath);
    if (parsed.isEmpty()) {
      return List.of();
    }
    ApiRequest request = parsed.get();
    if (request.verb().equals("get") && CONNECT_SUBRESOURCES.contains(request.resource())) {
      return List.of(
          request,
          new ApiRequest("create", request.group(), request.resource(), request.namespace()));
    }
    return List.of(request);
  }

  /** {@code "GET /api/v1/namespaces/shop/configmaps?limit=500"} -> list configmaps in shop. */
  static Optional<ApiRequest> parse(String methodAndPath) {
    String method = methodAndPath.substring(0, methodAndPath.indexOf(' '));
    String path = methodAndPath.substring(methodAndPath.indexOf(' ') + 1);
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    List<String> parts = Arrays.stream(bare.split("/")).filter(s -> !s.isEmpty()).toList();
    String group;
    List<String> rest;
    if (parts.size() > 2 && parts.get(0).equals("api")) {
      group = "";
      rest = parts.subList(2, parts.size());
    } else if (parts.size() > 3 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      rest = parts.subList(3, parts.size());
    } else {
      return Optional.empty();
    }
    String namespace = null;
    if (rest.get(0).equals("namespaces") && rest.size() > 1) {
      namespace = rest.get(1);
      if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
        rest = rest.subList(2, rest.size());
      } else {
        namespace = null; // the namespace object itself: cluster-scoped
      }
    }
    String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
    boolean named = rest.size() > 1;
    boolean watch = Arrays.asList(query.split("&")).contains("watch=true");
    return Optional.of(new ApiRequest(verb(method, named, watch), group, resource, namespace));
  }

  private static String verb(String method, boolean named, boolean watch) {
    switch (method) {
      case "GET":
        return watch ? "watch" : named ? "get" : "list";
      case "POST":
        return "create";
      case "PUT":
        return "update";
      case "PATCH":
        return "patch";
      case "DELETE":
        return named ? "delete" : "deletecollection";
      default:
        throw new IllegalArgumentException("unknown method in '" + method + "'");
    }
  }

  /** {@code list configmaps}, {@code create deployments.apps}: how failures name it. */
  String describe() {
    return verb + " " + resource + (group.isEmpty() ? "" : "." + group);
  }
}
