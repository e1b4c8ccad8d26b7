package io.lifeboat.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates stored by collection path and name, as an API server keys them in etcd: 201 with the
 * object (given a uid and resourceVersion) when the name is free, 409 AlreadyExists when taken. A
 * storing stand-in whose cost per create does not grow with what it holds, unlike the CRUD mock's
 * store, which compares each new object with every stored one (bench/README.md).
 */
final class KeyedCreates {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> objects = new ConcurrentHashMap<>();
  private final AtomicLong resourceVersion = new AtomicLong();

  MockResponse create(String collectionPath, String body) {
    ObjectNode object;
    try {
      object = (ObjectNode) MAPPER.readTree(body);
    } catch (IOException | ClassCastException e) {
      return new MockResponse().setResponseCode(400).setBody("{\"kind\":\"Status\",\"code\":400}");
    }
    String name = object.path("metadata").path("name").asText();
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
    String stored = object.toString();
    if (objects.putIfAbsent(collectionPath + "/" + name, stored) != null) {
      return new MockResponse()
          .setResponseCode(409)
          .setBody(
              "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":"
                  + "\"AlreadyExists\",\"code\":409,\"message\":\""
                  + name
                  + " already exists\"}");
    }
    return new MockResponse().setResponseCode(201).setBody(stored);
  }

  /** How many objects are stored. */
  int size() {
    return objects.size();
  }
}
