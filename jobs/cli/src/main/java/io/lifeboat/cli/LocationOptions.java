package io.lifeboat.cli;

import io.lifeboat.app.LifeboatConfig;
import io.lifeboat.app.Stores;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.location.Locations;
import picocli.CommandLine.Option;

/**
 * Where the repository is. Each flag overrides the property of the same name ({@code --location} /
 * {@code lifeboat.location} / {@code LIFEBOAT_LOCATION}). Credentials come only from config or the
 * environment, never flags, so they do not show in process listings.
 */
public class LocationOptions {
  @Option(
      names = "--location",
      paramLabel = "URL",
      description = "s3://bucket/prefix or file:///path (LIFEBOAT_LOCATION)")
  String location;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description = "S3 endpoint URL for non-AWS stores (LIFEBOAT_S3_ENDPOINT)")
  String endpoint;

  @Option(
      names = "--s3-region",
      paramLabel = "REGION",
      description = "S3 region (LIFEBOAT_S3_REGION)")
  String region;

  @Option(
      names = "--s3-path-style",
      arity = "1",
      paramLabel = "BOOLEAN",
      description = "path-style S3 addressing (LIFEBOAT_S3_PATH_STYLE)")
  Boolean pathStyle;

  ObjectStore open(LifeboatConfig config) {
    return Locations.open(settings(config));
  }

  /** For repo init: a missing file:// directory is created. */
  ObjectStore openCreating(LifeboatConfig config) {
    return Locations.openCreating(settings(config));
  }

  LocationSettings settings(LifeboatConfig config) {
    LocationSettings base = Stores.settings(config);
    return new LocationSettings(
        location != null ? location : base.uri(),
        endpoint != null ? endpoint : base.s3Endpoint(),
        region != null ? region : base.s3Region(),
        pathStyle != null ? pathStyle : base.s3PathStyle(),
        base.s3AccessKeyId(),
        base.s3SecretAccessKey(),
        base.s3PartSize());
  }
}
