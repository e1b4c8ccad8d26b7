package io.lifeboat.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.repository.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Real HTTP POSTs to the running function app, as Knative or any JSON caller sends them. */
final class FunctionCalls {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FunctionCalls() {}

  /** The status and the JSON body of one answer. */
  record Answer(int status, JsonNode body) {
    int exitCode() {
      return body.get("exitCode").asInt();
    }

    String message() {
      return body.get("message").asText();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static Answer post(URI base, String function, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(function))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        Json.MAPPER.readTree(response.body().getBytes(StandardCharsets.UTF_8)));
  }
}
