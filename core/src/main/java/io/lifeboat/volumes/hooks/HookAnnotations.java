package io.lifeboat.volumes.hooks;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.repository.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pod's hook annotations, Velero's way under Lifeboat's names: {@code
 * pre.hook.lifeboat.io/command} (a JSON array such as {@code
 * ["/sbin/fsfreeze","--freeze","/data"]}, or a single word), {@code .../container} (default: the
 * pod's first container), {@code .../timeout} ({@code 30s}, {@code 2m}, {@code 1h}; default 30s)
 * and {@code .../on-error} ({@code Fail} or {@code Continue}; default Fail). The same with {@code
 * post.hook.lifeboat.io/}.
 */
public final class HookAnnotations {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private HookAnnotations() {}

  /** The pod's hook for {@code phase}; empty when it has no command annotation. */
  public static Optional<PodHook> of(Pod pod, PodHook.Phase phase) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String prefix = phase.prefix();
    if (annotations == null || !annotations.containsKey(prefix + "command")) {
      return Optional.empty();
    }
    String where = "pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    return Optional.of(
        new PodHook(
            phase,
            pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(),
            container(pod, annotations.get(prefix + "container"), where),
            command(annotations.get(prefix + "command"), prefix, where),
            timeout(annotations.get(prefix + "timeout"), prefix, where),
            onError(annotations.get(prefix + "on-error"), prefix, where)));
  }

  static List<String> command(String text, String prefix, String where) {
    String value = text.strip();
    List<String> command;
    if (value.startsWith("[")) {
      try {
        command = Json.MAPPER.readValue(value, new TypeReference<List<String>>() {});
      } catch (java.io.IOException e) {
        throw invalid(prefix + "command", text, where, "a JSON array of strings");
      }
    } else {
      command = value.isEmpty() ? List.of() : List.of(value);
    }
    if (command.isEmpty() || command.stream().anyMatch(part -> part == null)) {
      throw invalid(prefix + "command", text, where, "a non-empty command");
    }
    return command;
  }

  static Duration timeout(String text, String prefix, String where) {
    if (text == null || text.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw invalid(prefix + "timeout", text, where, "a positive duration such as 30s, 2m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      default:
        return Duration.ofHours(amount);
    }
  }

  static PodHook.OnError onError(String text, String prefix, String where) {
    if (text == null || text.isBlank()) {
      return PodHook.OnError.FAIL;
    }
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "fail":
        return PodHook.OnError.FAIL;
      case "continue":
        return PodHook.OnError.CONTINUE;
      default:
        throw invalid(prefix + "on-error", text, where, "Fail or Continue");
    }
  }

  private static String container(Pod pod, String requested, String where) {
    List<Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
    if (requested == null || requested.isBlank()) {
      if (containers.isEmpty()) {
        throw new InvalidConfigurationException(where + " has hook annotations but no container");
      }
      return containers.get(0).getName();
    }
    String name = requested.strip();
    if (containers.stream().noneMatch(c -> name.equals(c.getName()))) {
      throw new InvalidConfigurationException(
          where + ": hook container '" + name + "' is not one of the pod's containers");
    }
    return name;
  }

  private static InvalidConfigurationException invalid(
      String annotation, String value, String where, String expected) {
    return new InvalidConfigurationException(
        where + ": annotation " + annotation + " must be " + expected + ", was '" + value + "'");
  }
}
