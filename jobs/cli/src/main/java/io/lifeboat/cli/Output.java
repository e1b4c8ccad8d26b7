package io.lifeboat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Json;
import java.io.UncheckedIOException;
import java.util.Locale;

/** {@code -o table|json|yaml}: only ever a format, never a file (files are --output-file). */
enum Output {
  TABLE,
  JSON,
  YAML;

  private static final YAMLMapper YAML_MAPPER =
      YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  static Output parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "-o '" + text + "': the output format is table, json or yaml");
    }
  }

  /** {@code value} as JSON or YAML (the table is each command's own). */
  String document(Object value) {
    if (this == JSON) {
      return Json.writeString(value);
    }
    try {
      return YAML_MAPPER.writeValueAsString(Json.tree(value)).stripTrailing();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
