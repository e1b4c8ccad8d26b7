package io.lifeboat.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * The CRUD mock plus what a kube-apiserver does and the mock does not: discovery documents, paged
 * lists ({@code limit} and {@code continue}, sliced from the CRUD result), injected error codes,
 * and generated lists large enough to measure memory without storing every object in the mock. For
 * restores: per-object create refusals (the 422/403 a real API server gives) and CRDs that become
 * Established when created (the apiextensions controller's job).
 */
public class ApiDispatcher extends KubernetesCrudDispatcher {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> documents = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Generated> generated = new ConcurrentHashMap<>();
  private final List<String> listRequests = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> createRefusals = new ConcurrentHashMap<>();
  private volatile boolean establishDefinitions;
  private volatile String acceptedCreatesPrefix;
  private volatile String keyedCreatesPrefix;
  private final KeyedCreates keyed = new KeyedCreates();

  private record Generated(int count, IntFunction<ObjectNode> item) {}

  /**
   * A create (POST to {@code collectionPath}) of the object named {@code name} answers {@code code}
   * with a Status of {@code reason} and {@code message}, as a real API server refuses it.
   */
  public void refuseCreate(
      String collectionPath, String name, int code, String reason, String message) {
    createRefusals.put(
        collectionPath + "|" + name, statusBody(code, message).put("reason", reason));
  }

  /**
   * As {@link #refuseCreate}, the Status also naming the refused {@code field} with {@code
   * causeReason} ({@code FieldValueInvalid}), as a 422 from validation does.
   */
  public void refuseCreate(
      String collectionPath,
      String name,
      int code,
      String reason,
      String message,
      String field,
      String causeReason) {
    ObjectNode status = statusBody(code, message).put("reason", reason);
    status
        .putObject("details")
        .put("name", name)
        .putArray("causes")
        .addObject()
        .put("reason", causeReason)
        .put("message", message)
        .put("field", field);
    createRefusals.put(collectionPath + "|" + name, status);
  }

  /**
   * Creates under {@code pathPrefix} answer 201 with the object as sent, without storing it: a
   * server that costs nothing per object, so a benchmark measures the client's own rate.
   */
  public void acceptCreatesWithoutStoring(String pathPrefix) {
    acceptedCreatesPrefix = pathPrefix;
  }

  /**
   * Creates under {@code pathPrefix} are stored by name ({@link KeyedCreates}), not in the CRUD
   * store: a storing server whose cost per create stays flat as it fills, as an API server's does.
   */
  public void storeCreatesByName(String pathPrefix) {
    keyedCreatesPrefix = pathPrefix;
  }

  /** How many objects {@link #storeCreatesByName} stored. */
  public int storedByName() {
    return keyed.size();
  }

  /** CRDs are stored with an Established condition, as the apiextensions controller would set. */
  public void establishCustomResourceDefinitions() {
    establishDefinitions = true;
  }

  void document(String path, String json) {
    documents.put(path, json);
  }

  /** Every request whose path (without query) is {@code path} answers {@code code}. */
  void fail(String path, int code) {
    failures.put(path, code);
  }

  /** A list at {@code path} of {@code count} objects made on demand, page by page. */
  public void generate(String path, int count, IntFunction<ObjectNode> item) {
    generated.put(path, new Generated(count, item));
  }

  /** Every paged list request seen, with its query. */
  List<String> listRequests() {
    return List.copyOf(listRequests);
  }

  /**
   * Every request received, as {@code METHOD path?query}, in order: what a job's ServiceAccount
   * would need RBAC for (k8s/cronjobs checks its Roles against it).
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Records {@code request} in {@link #requests()}; for a subclass that answers it itself. */
  protected final void record(RecordedRequest request) {
    requests.add(request.getMethod() + " " + request.getPath());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    record(request);
    String path = request.getPath();
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (failures.containsKey(bare)) {
      return status(failures.get(bare), "injected failure for " + bare);
    }
    String accepted = acceptedCreatesPrefix;
    if ("POST".equals(request.getMethod()) && accepted != null && bare.startsWith(accepted)) {
      return new MockResponse().setResponseCode(201).setBody(request.getBody().readUtf8());
    }
    String keyedPrefix = keyedCreatesPrefix;
    if ("POST".equals(request.getMethod()) && keyedPrefix != null && bare.startsWith(keyedPrefix)) {
      return keyed.create(bare, request.getBody().readUtf8());
    }
    if ("POST".equals(request.getMethod())) {
      return create(request, bare);
    }
    if (!"GET".equals(request.getMethod())) {
      return super.dispatch(request);
    }
    if (documents.containsKey(bare)) {
      return new MockResponse().setResponseCode(200).setBody(documents.get(bare));
    }
    Map<String, String> query = query(path);
    if (!query.containsKey("limit")) {
      return super.dispatch(request);
    }
    listRequests.add(path);
    int limit = Integer.parseInt(query.get("limit"));
    int offset = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
    Generated source = generated.get(bare);
    return source != null
        ? page(generatedPage(source, offset, limit), offset, limit, source.count())
        : crudPage(path, offset, limit);
  }

  private MockResponse crudPage(String path, int offset, int limit) {
    MockResponse all = super.handleGet(withoutPaging(path));
    if (all.code() != 200) {
      return all;
    }
    try {
      ObjectNode list = (ObjectNode) MAPPER.readTree(all.getBody().readUtf8());
      ArrayNode items = (ArrayNode) list.get("items");
      ArrayNode slice = MAPPER.createArrayNode();
      for (int i = offset; i < Math.min(items.size(), offset + limit); i++) {
        slice.add(items.get(i));
      }
      list.set("items", slice);
      return page(list, offset, limit, items.size());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode generatedPage(Generated source, int offset, int limit) {
    ObjectNode list = MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "List");
    ArrayNode items = list.putArray("items");
    for (int i = offset; i < Math.min(source.count(), offset + limit); i++) {
      items.add(source.item().apply(i));
    }
    return list;
  }

  private static MockResponse page(ObjectNode list, int offset, int limit, int total) {
    ObjectNode metadata = list.with("metadata");
    metadata.put("resourceVersion", "1");
    if (offset + limit < total) {
      metadata.put("continue", String.valueOf(offset + limit));
    } else {
      metadata.remove("continue");
    }
    return new MockResponse().setResponseCode(200).setBody(list.toString());
  }

  private MockResponse create(RecordedRequest request, String bare) {
    // Reading the body consumes it: the CRUD dispatcher gets a copy.
    String text = request.getUtf8Body();
    try {
      if (MAPPER.readTree(text) instanceof ObjectNode body) {
        ObjectNode refusal =
            createRefusals.get(bare + "|" + body.path("metadata").path("name").asText());
        if (refusal != null) {
          return new MockResponse()
              .setResponseCode(refusal.get("code").asInt())
              .setBody(refusal.toString());
        }
        if (establishDefinitions && bare.endsWith("/customresourcedefinitions")) {
          body.putObject("status")
              .putArray("conditions")
              .addObject()
              .put("type", "Established")
              .put("status", "True");
          text = body.toString();
        }
      }
    } catch (java.io.IOException e) {
      // not JSON: the CRUD dispatcher answers it
    }
    return super.dispatch(
        new RecordedRequest(
            request.getHttpVersion(),
            request.method(),
            request.getPath(),
            request.getHeaders(),
            new io.fabric8.mockwebserver.http.Buffer().writeUtf8(text)));
  }

  private static MockResponse status(int code, String message) {
    return new MockResponse().setResponseCode(code).setBody(statusBody(code, message).toString());
  }

  private static ObjectNode statusBody(int code, String message) {
    return MAPPER
        .createObjectNode()
        .put("apiVersion", "v1")
        .put("kind", "Status")
        .put("status", "Failure")
        .put("message", message)
        .put("code", code);
  }

  private static String withoutPaging(String path) {
    String bare = path.substring(0, path.indexOf('?'));
    StringBuilder kept = new StringBuilder();
    for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
      if (!pair.startsWith("limit=") && !pair.startsWith("continue=")) {
        kept.append(kept.length() == 0 ? "?" : "&").append(pair);
      }
    }
    return bare + kept;
  }

  private static Map<String, String> query(String path) {
    Map<String, String> params = new java.util.HashMap<>();
    if (path.contains("?")) {
      for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }
}
