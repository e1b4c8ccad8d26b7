package io.lifeboat.store.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.store.s3.S3ObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationsTest {
  @ParameterizedTest(name = "refuses the location ''{0}''")
  @ValueSource(
      strings = {"gs://bucket/p", "s3://", "s3:///prefix", "file://relative/dir", "/var/backups"})
  void locationsThatAreNeitherS3NorAnAbsoluteFilePathAreInvalidConfiguration(String uri) {
    assertThatThrownBy(() -> Locations.open(LocationSettings.of(uri)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lifeboat.location must be s3://bucket[/prefix] or file:///path")
        .hasMessageContaining("'" + uri + "'");
  }

  @Test
  void aFileLocationOpensTheFileStore(@TempDir Path dir) {
    try (ObjectStore store = Locations.open(LocationSettings.of(dir.toUri().toString()))) {
      assertThat(store).isInstanceOf(FileObjectStore.class);
      assertThat(store.location()).isEqualTo("file://" + dir + "/");
    }
  }

  @Test
  void aFileLocationThatDoesNotExistIsUnavailable(@TempDir Path dir) {
    String uri = dir.resolve("missing").toUri().toString();

    assertThatThrownBy(() -> Locations.open(LocationSettings.of(uri)))
        .isInstanceOf(LocationUnavailableException.class)
        .hasMessageContaining(dir.resolve("missing").toString());
  }

  @Test
  void anS3LocationOpensTheS3StoreWithoutAnyRequest() {
    LocationSettings settings =
        new LocationSettings(
            "s3://dr-bucket/prod/", "http://127.0.0.1:1", null, true, "id", "secret", 0);

    try (ObjectStore store = Locations.open(settings)) {
      assertThat(store).isInstanceOf(S3ObjectStore.class);
      assertThat(store.location()).isEqualTo("s3://dr-bucket/prod/");
    }
  }

  @Test
  void anInvalidEndpointIsInvalidConfigurationNamingTheProperty() {
    LocationSettings settings =
        new LocationSettings("s3://b", "not a url", null, true, null, null, 0);

    assertThatThrownBy(() -> Locations.open(settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lifeboat.s3.endpoint")
        .hasMessageContaining("'not a url'");
  }

  @Test
  void settingsNeverPrintTheSecretAndDefaultTheRegionAndPartSize() {
    LocationSettings settings =
        new LocationSettings("s3://b", null, null, false, "AKIDEXAMPLE", "s3cr3t-value", 0);

    assertThat(settings.toString()).doesNotContain("s3cr3t-value").contains("AKIDEXAMPLE");
    assertThat(settings.s3Region()).isEqualTo("us-east-1");
    assertThat(settings.s3PartSize()).isEqualTo(8 * 1024 * 1024);
  }

  @Test
  void aBuilderSetsOnlyWhatItIsGivenAndTheRecordKeepsEveryOtherDefault() {
    LocationSettings settings =
        LocationSettings.builder("s3://b").s3Endpoint("http://127.0.0.1:9000").build();

    assertThat(settings)
        .isEqualTo(
            new LocationSettings("s3://b", "http://127.0.0.1:9000", null, false, null, null, 0));
    assertThat(settings.s3Region()).isEqualTo(LocationSettings.DEFAULT_REGION);
    assertThat(settings.s3PartSize()).isEqualTo(S3ObjectStore.DEFAULT_PART_SIZE);
    assertThat(settings.hasStaticCredentials()).isFalse();
  }

  @Test
  void aPartSizeBelowFiveMebibytesIsInvalidConfiguration() {
    assertThatThrownBy(() -> new LocationSettings("s3://b", null, null, false, null, null, 1000))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lifeboat.s3.part-size")
        .hasMessageContaining("1000");
  }
}
