package io.lifeboat.restore.namespace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.kube.Glob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Resource modifiers, in Velero's YAML shape: rules whose conditions pick objects by type, name
 * regex, namespaces and labels, each applying RFC 6902 JSON patches ({@code patches}) and RFC 7386
 * merge patches ({@code mergePatches}) to the cleaned object before it is created.
 *
 * <pre>
 * version: v1
 * resourceModifierRules:
 *   - conditions:
 *       groupResource: persistentvolumeclaims   # archive directory, glob; required
 *       resourceNameRegex: "^data-.*$"          # optional, matched against the whole name
 *       namespaces: [shop]                      # optional, the namespace restored into
 *       labelSelector: {matchLabels: {app: db}} # optional
 *     patches:
 *       - {operation: replace, path: /spec/storageClassName, value: premium}
 *     mergePatches:
 *       - patchData: {metadata: {annotations: {restored: "yes"}}}
 * </pre>
 *
 * Unlike Velero, a patch {@code value} is any YAML value, not a JSON string to be parsed.
 */
public final class ResourceModifiers {
  private static final YAMLMapper YAML = new YAMLMapper();
  private final List<Rule> rules;

  private ResourceModifiers(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static ResourceModifiers none() {
    return new ResourceModifiers(List.of());
  }

  /** Parses the YAML; any error is a configuration error naming {@code source}. */
  public static ResourceModifiers parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw invalid(source, "is not YAML: " + e.getMessage());
    }
    if (root == null || !root.path("version").asText().equals("v1")) {
      throw invalid(source, "must have 'version: v1'");
    }
    List<Rule> rules = new ArrayList<>();
    int index = 0;
    for (JsonNode rule : root.path("resourceModifierRules")) {
      rules.add(Rule.parse(rule, source + " rule " + ++index));
    }
    return new ResourceModifiers(rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The object after every matching rule, in file order; {@code object} is not changed. A patch
   * that cannot apply (a test op failing, a missing path) throws {@link ModifierFailure}.
   */
  public ObjectNode apply(String typeDirectory, ObjectNode object) {
    JsonNode result = object;
    for (Rule rule : rules) {
      if (rule.matches(typeDirectory, result)) {
        result = rule.apply(result);
      }
    }
    return (ObjectNode) (result == object ? object.deepCopy() : result);
  }

  private static InvalidConfigurationException invalid(String source, String problem) {
    return new InvalidConfigurationException("resource modifiers " + source + " " + problem);
  }

  /** A rule that matched an object could not be applied to it. */
  public static final class ModifierFailure extends RuntimeException {
    ModifierFailure(String message) {
      // No cause and no stack trace: the cause's message may quote the object's data.
      super(message, null, false, false);
    }
  }

  private record Rule(
      String name,
      String groupResource,
      Pattern namePattern,
      List<String> namespaces,
      Map<String, String> matchLabels,
      ArrayNode jsonPatch,
      List<JsonNode> mergePatches) {

    static Rule parse(JsonNode rule, String name) {
      JsonNode conditions = rule.path("conditions");
      String groupResource = conditions.path("groupResource").asText("");
      if (groupResource.isEmpty()) {
        throw invalid(name, "needs conditions.groupResource");
      }
      Pattern pattern = null;
      if (conditions.hasNonNull("resourceNameRegex")) {
        try {
          pattern = Pattern.compile(conditions.get("resourceNameRegex").asText());
        } catch (PatternSyntaxException e) {
          throw invalid(name, "has an invalid resourceNameRegex: " + e.getDescription());
        }
      }
      List<String> namespaces = new ArrayList<>();
      conditions.path("namespaces").forEach(n -> namespaces.add(n.asText()));
      Map<String, String> labels = new java.util.HashMap<>();
      conditions
          .path("labelSelector")
          .path("matchLabels")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      if (rule.has("strategicPatches")) {
        throw invalid(name, "uses strategicPatches, which Lifeboat does not support");
      }
      return new Rule(
          name,
          groupResource,
          pattern,
          namespaces,
          labels,
          jsonPatch(rule.path("patches"), name),
          mergePatches(rule.path("mergePatches"), name));
    }

    private static ArrayNode jsonPatch(JsonNode patches, String name) {
      ArrayNode operations = JsonNodeFactory.instance.arrayNode();
      for (JsonNode patch : patches) {
        String op = patch.path("operation").asText(patch.path("op").asText(""));
        if (!List.of("add", "remove", "replace", "move", "copy", "test").contains(op)) {
          throw invalid(name, "has a patch with operation '" + op + "'");
        }
        ObjectNode operation = operations.addObject().put("op", op);
        operation.put("path", patch.path("path").asText());
        if (patch.has("from")) {
          operation.put("from", patch.get("from").asText());
        }
        if (patch.has("value")) {
          operation.set("value", patch.get("value"));
        }
      }
      return operations;
    }

    private static List<JsonNode> mergePatches(JsonNode patches, String name) {
      List<JsonNode> parsed = new ArrayList<>();
      for (JsonNode patch : patches) {
        JsonNode data = patch.path("patchData");
        if (data.isTextual()) {
          try {
            data = YAML.readTree(data.asText());
          } catch (IOException e) {
            throw invalid(name, "has a mergePatch that is not YAML or JSON");
          }
        }
        if (!data.isObject()) {
          throw invalid(name, "has a mergePatch without an object patchData");
        }
        parsed.add(data);
      }
      return parsed;
    }

    boolean matches(String typeDirectory, JsonNode object) {
      JsonNode metadata = object.path("metadata");
      if (!Glob.anyMatches(List.of(groupResource), typeDirectory)) {
        return false;
      }
      if (namePattern != null && !namePattern.matcher(metadata.path("name").asText()).matches()) {
        return false;
      }
      if (!namespaces.isEmpty() && !namespaces.contains(metadata.path("namespace").asText(""))) {
        return false;
      }
      JsonNode labels = metadata.path("labels");
      return matchLabels.entrySet().stream()
          .allMatch(e -> e.getValue().equals(labels.path(e.getKey()).asText(null)));
    }

    /**
     * Applies the patches one operation at a time, so a failure names the operation and its JSON
     * pointer. Never zjsonpatch's message: a failed {@code test} quotes the object's value (a
     * Secret's data), and the reason is printed and stored in the report.
     */
    JsonNode apply(JsonNode object) {
      JsonNode result = object;
      for (int i = 0; i < jsonPatch.size(); i++) {
        JsonNode operation = jsonPatch.get(i);
        try {
          result = JsonPatch.apply(JsonNodeFactory.instance.arrayNode().add(operation), result);
        } catch (RuntimeException e) {
          String op = operation.path("op").asText();
          throw new ModifierFailure(
              name
                  + " failed: patch "
                  + (i + 1)
                  + " ("
                  + op
                  + " "
                  + operation.path("path").asText()
                  + ") "
                  + (op.equals("test")
                      ? "found a different value at its path"
                      : "could not apply: its path (or from) is missing or of another type"));
        }
      }
      for (JsonNode patch : mergePatches) {
        result = merge(result.deepCopy(), patch);
      }
      return result;
    }

    /** RFC 7386: objects merge key by key, null removes, anything else replaces. */
    private static JsonNode merge(JsonNode target, JsonNode patch) {
      if (!patch.isObject()) {
        return patch;
      }
      ObjectNode result =
          target != null && target.isObject()
              ? (ObjectNode) target
              : JsonNodeFactory.instance.objectNode();
      patch
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isNull()) {
                  result.remove(e.getKey());
                } else {
                  result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue()));
                }
              });
      return result;
    }
  }
}
