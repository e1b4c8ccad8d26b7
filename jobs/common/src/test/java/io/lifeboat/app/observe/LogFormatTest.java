package io.lifeboat.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFormatTest {
  @ParameterizedTest(name = "LIFEBOAT_LOG_FORMAT={0}, KUBERNETES_SERVICE_HOST={1}: json={2}")
  @CsvSource({
    "'', '', false",
    "'', 10.96.0.1, true",
    "json, '', true",
    "JSON, '', true",
    "text, 10.96.0.1, false",
  })
  void logsAreJsonInKubernetesOrWhenAskedAndHumanOtherwise(
      String format, String host, boolean json) {
    Map<String, String> env =
        format.isEmpty() && host.isEmpty()
            ? Map.of()
            : format.isEmpty()
                ? Map.of("KUBERNETES_SERVICE_HOST", host)
                : host.isEmpty()
                    ? Map.of("LIFEBOAT_LOG_FORMAT", format)
                    : Map.of("LIFEBOAT_LOG_FORMAT", format, "KUBERNETES_SERVICE_HOST", host);

    assertThat(LogFormat.json(env)).isEqualTo(json);
  }
}
