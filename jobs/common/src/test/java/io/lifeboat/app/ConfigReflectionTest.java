package io.lifeboat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A native {@code --help} (and the CLI's flags) read the config interfaces by reflection, so every
 * mapping and group this module compiles must be registered; the JVM alone would never notice.
 */
class ConfigReflectionTest {
  @Test
  void everyMappingAndNestedGroupOfThisModuleIsRegisteredForReflection() throws Exception {
    Set<Class<?>> registered =
        Set.of(ConfigReflection.class.getAnnotation(RegisterForReflection.class).targets());
    Set<Class<?>> needed = new HashSet<>();
    for (Class<?> mapping : mappingsCompiledHere()) {
      collect(mapping, needed);
    }

    assertThat(needed).contains(LifeboatConfig.S3.class, EtcdConfig.class);
    assertThat(registered).containsAll(needed);
  }

  @Test
  void aMappingWithoutVisibleAccessorsIsRefusedNotRenderedEmpty() {
    assertThatThrownBy(() -> ConfigReference.of(List.of(Empty.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("register it for reflection");
  }

  @Test
  void anEmptyReferenceRendersItsHeaderOnly() {
    assertThat(ConfigReference.render(List.of()))
        .contains("ENVIRONMENT VARIABLE")
        .doesNotContain("\n  L");
  }

  @ConfigMapping(prefix = "lifeboat.empty")
  interface Empty {}

  private static void collect(Class<?> group, Set<Class<?>> into) {
    if (!into.add(group)) {
      return;
    }
    for (Method method : group.getMethods()) {
      Class<?> type = method.getReturnType();
      if (type.isInterface() && type.getName().startsWith("io.lifeboat.")) {
        collect(type, into);
      }
    }
  }

  private static List<Class<?>> mappingsCompiledHere() throws IOException, URISyntaxException {
    Path classes =
        Path.of(ConfigReflection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      List<Class<?>> mappings =
          files
              .map(classes::relativize)
              .map(Path::toString)
              .filter(name -> name.endsWith(".class"))
              .map(name -> name.substring(0, name.length() - 6).replace('/', '.'))
              .map(ConfigReflectionTest::load)
              .filter(type -> type.isAnnotationPresent(ConfigMapping.class))
              .collect(Collectors.toList());
      assertThat(mappings).hasSizeGreaterThan(5);
      return mappings;
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ConfigReflectionTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
