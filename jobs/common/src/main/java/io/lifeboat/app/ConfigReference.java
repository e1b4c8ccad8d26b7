package io.lifeboat.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Every property of some {@code @ConfigMapping} interfaces, with its environment variable and
 * default, read from the interfaces themselves so {@code --help} can never drift from what the app
 * really reads. Naming follows SmallRye's: {@code connectTimeout} under {@code lifeboat.etcd} is
 * {@code lifeboat.etcd.connect-timeout}, env {@code LIFEBOAT_ETCD_CONNECT_TIMEOUT}.
 */
public final class ConfigReference {
  private ConfigReference() {}

  /** One property: its name, a short type word and its default (null when it has none). */
  public record Property(String name, String type, String defaultValue) {
    public String env() {
      return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The flag a CLI task takes for it: the name without {@code lifeboat.}, dots as dashes. */
    public String flag() {
      return "--" + name.replaceFirst("^lifeboat\\.", "").replace('.', '-');
    }
  }

  public static List<Property> of(List<Class<?>> mappings) {
    Map<String, Property> byName = new TreeMap<>();
    for (Class<?> mapping : mappings) {
      ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
      if (annotation == null) {
        throw new IllegalArgumentException(mapping.getSimpleName() + " is not a @ConfigMapping");
      }
      walk(annotation.prefix(), mapping, byName);
    }
    return List.copyOf(byName.values());
  }

  /** The reference as a table: variable, property, type and default, one property a line. */
  public static String render(List<Property> properties) {
    int env = properties.stream().mapToInt(p -> p.env().length()).max().orElse(1);
    int name = properties.stream().mapToInt(p -> p.name().length()).max().orElse(1);
    StringBuilder out = new StringBuilder("  ");
    String format = "  %-" + env + "s  %-" + name + "s  %-8s %s";
    out.append(
        String.format(format, "ENVIRONMENT VARIABLE", "PROPERTY", "TYPE", "DEFAULT").strip());
    for (Property p : properties) {
      String fallback = p.defaultValue() == null ? "" : p.defaultValue();
      out.append("\n  ")
          .append(String.format(format, p.env(), p.name(), p.type(), fallback).strip());
    }
    out.append('\n');
    return out.toString();
  }

  private static void walk(String prefix, Class<?> group, Map<String, Property> into) {
    List<Method> methods = new ArrayList<>(Arrays.asList(group.getMethods()));
    if (methods.isEmpty()) {
      // A native image keeps only the methods registered for reflection: say so, never a short
      // list.
      throw new IllegalStateException(
          group.getName()
              + " shows no accessors: register it for reflection (see ConfigReflection)");
    }
    methods.sort(Comparator.comparing(Method::getName));
    for (Method method : methods) {
      if (method.getParameterCount() > 0
          || method.isDefault()
          || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      WithName renamed = method.getAnnotation(WithName.class);
      String name = prefix + "." + (renamed != null ? renamed.value() : kebab(method.getName()));
      Class<?> raw = method.getReturnType();
      if (raw.isInterface() && raw.getName().startsWith("io.lifeboat.")) {
        walk(name, raw, into);
        continue;
      }
      WithDefault fallback = method.getAnnotation(WithDefault.class);
      into.put(
          name,
          new Property(
              name,
              typeWord(method.getGenericReturnType()),
              fallback == null ? null : fallback.value()));
    }
  }

  private static String typeWord(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      Type inner = parameterized.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        return typeWord(inner);
      }
      if (raw == List.class) {
        return "list";
      }
    }
    if (type == int.class || type == OptionalInt.class || type == Integer.class) {
      return "integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == Duration.class) {
      return "duration";
    }
    if (type == Path.class) {
      return "path";
    }
    if (type == java.net.URI.class) {
      return "url";
    }
    return "text";
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
