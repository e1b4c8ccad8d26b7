package io.lifeboat.volumes.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.lifeboat.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HookAnnotationsTest {
  private static Pod pod(Map<String, String> annotations) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName("db-0")
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("db")
        .endContainer()
        .addNewContainer()
        .withName("sidecar")
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void aJsonArrayCommandWithEveryOptionIsReadAsWritten() {
    PodHook hook =
        HookAnnotations.of(
                pod(
                    Map.of(
                        "post.hook.lifeboat.io/command", "[\"/bin/sh\", \"-c\", \"echo 'a b'\"]",
                        "post.hook.lifeboat.io/container", "sidecar",
                        "post.hook.lifeboat.io/timeout", "2m",
                        "post.hook.lifeboat.io/on-error", "continue")),
                PodHook.Phase.POST)
            .orElseThrow();

    assertThat(hook)
        .isEqualTo(
            new PodHook(
                PodHook.Phase.POST,
                "shop",
                "db-0",
                "sidecar",
                List.of("/bin/sh", "-c", "echo 'a b'"),
                Duration.ofMinutes(2),
                PodHook.OnError.CONTINUE));
  }

  @Test
  void defaultsAreTheFirstContainerThirtySecondsAndFail() {
    PodHook hook =
        HookAnnotations.of(pod(Map.of("pre.hook.lifeboat.io/command", "sync")), PodHook.Phase.PRE)
            .orElseThrow();

    assertThat(hook.container()).isEqualTo("db");
    assertThat(hook.command()).containsExactly("sync");
    assertThat(hook.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(hook.onError()).isEqualTo(PodHook.OnError.FAIL);
    assertThat(HookAnnotations.of(pod(Map.of()), PodHook.Phase.POST)).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "command   | []                | a non-empty command",
        "command   | [\"a\",           | a JSON array of strings",
        "timeout   | 10                | a positive duration",
        "timeout   | 0s                | a positive duration",
        "on-error  | Retry             | Fail or Continue",
        "container | nope              | is not one of the pod's containers"
      })
  void invalidAnnotationsAreRefusedNamingThePodAndTheAnnotation(
      String name, String value, String expected) {
    Map<String, String> annotations =
        name.equals("command")
            ? Map.of("pre.hook.lifeboat.io/command", value)
            : Map.of("pre.hook.lifeboat.io/command", "sync", "pre.hook.lifeboat.io/" + name, value);

    assertThatThrownBy(() -> HookAnnotations.of(pod(annotations), PodHook.Phase.PRE))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("pod shop/db-0")
        .hasMessageContaining(expected);
  }
}
