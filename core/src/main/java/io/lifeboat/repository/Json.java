package io.lifeboat.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lifeboat.error.IntegrityException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON mapping of every repository document: ISO-8601 times, nulls left out, pretty-printed so
 * a person can read a manifest with {@code cat}, and unknown fields tolerated so an older Lifeboat
 * can read a newer minor format.
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public static String writeString(Object value) {
    return new String(write(value), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Reads a stored document; unreadable JSON is an integrity failure naming the key. */
  public static <T> T read(byte[] json, Class<T> type, String key) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IntegrityException(
          "'" + key + "' is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
