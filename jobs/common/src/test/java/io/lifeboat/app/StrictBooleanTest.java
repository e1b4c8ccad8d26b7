package io.lifeboat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictBooleanTest {
  @ParameterizedTest(name = "reads ''{0}'' as a boolean")
  @ValueSource(strings = {"true", "TRUE", " false ", "False"})
  void acceptsTrueAndFalseInAnyCase(String value) {
    assertThat(new StrictBoolean().convert(value))
        .isEqualTo(value.strip().equals("true") || value.strip().equals("TRUE"));
  }

  @ParameterizedTest(name = "refuses ''{0}'' instead of reading it as false")
  @ValueSource(strings = {"ture", "yes", "1", "on", "maybe"})
  void refusesWhatSmallRyeWouldQuietlyReadAsSomething(String value) {
    assertThatThrownBy(() -> new StrictBoolean().convert(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be true or false");
  }

  @ParameterizedTest(name = "a request field ''{0}'' is refused naming the field")
  @ValueSource(strings = {"ture", ""})
  void aRequestFieldIsRefusedNamingTheField(String value) {
    assertThatThrownBy(() -> StrictBoolean.parse(value, "dryRun"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("dryRun must be true or false, was '" + value + "'");
  }

  @ParameterizedTest(name = "SmallRye''s report of ''{0}'' becomes one line naming the variable")
  @ValueSource(strings = {"maybe"})
  void theConverterFailureReadsAsOneLineNamingTheVariable(String value) {
    String smallRye =
        "SRCFG00039: The config property lifeboat.s3.path-style with the config value \""
            + value
            + "\" threw an Exception whilst being converted java.lang.IllegalArgumentException:"
            + " must be true or false";

    String line =
        ConfigErrors.explain(
            smallRye, Map.of(), name -> name.equals("LIFEBOAT_S3_PATH_STYLE") ? value : null);

    assertThat(line)
        .isEqualTo(
            "LIFEBOAT_S3_PATH_STYLE '"
                + value
                + "' (lifeboat.s3.path-style): must be true or false");
  }
}
