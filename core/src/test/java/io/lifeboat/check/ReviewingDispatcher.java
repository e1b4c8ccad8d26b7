package io.lifeboat.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.lifeboat.export.ApiDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The CRUD mock plus what a kube-apiserver answers and the mock does not: {@code /version}, a
 * SelfSubjectReview naming {@code user}, and SelfSubjectAccessReviews allowed unless their resource
 * is in {@code denied}.
 */
final class ReviewingDispatcher extends ApiDispatcher {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String user;
  private final Set<String> denied;

  ReviewingDispatcher(String user, Set<String> denied) {
    this.user = user;
    this.denied = Set.copyOf(denied);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    if (path.startsWith("/version")) {
      return json(200, "{\"major\":\"1\",\"minor\":\"30\",\"gitVersion\":\"v1.30.2\"}");
    }
    if (path.startsWith("/apis/authentication.k8s.io/v1/selfsubjectreviews")) {
      ObjectNode review = body(request);
      review
          .putObject("status")
          .putObject("userInfo")
          .put("username", user)
          .putArray("groups")
          .add("system:authenticated");
      return json(201, review.toString());
    }
    if (path.startsWith("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")) {
      ObjectNode review = body(request);
      String resource = review.path("spec").path("resourceAttributes").path("resource").asText();
      review.putObject("status").put("allowed", !denied.contains(resource));
      return json(201, review.toString());
    }
    return super.dispatch(request);
  }

  private static ObjectNode body(RecordedRequest request) {
    try {
      JsonNode node = MAPPER.readTree(request.getBody().readUtf8());
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setBody(body);
  }
}
