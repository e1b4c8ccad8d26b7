package io.lifeboat.app;

import io.lifeboat.repository.Repository;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.location.Locations;

/** Opens the configured backup location, as a backup run (least privilege) or with full access. */
public final class Stores {
  private Stores() {}

  /** The configured location; what {@code lifeboat.s3.*} leaves unset keeps the core default. */
  public static LocationSettings settings(LifeboatConfig config) {
    LifeboatConfig.S3 s3 = config.s3();
    LocationSettings.Builder settings =
        LocationSettings.builder(config.location())
            .s3Region(s3.region())
            .s3PathStyle(s3.pathStyle())
            .s3PartSize(s3.partSize());
    s3.endpoint().ifPresent(settings::s3Endpoint);
    s3.accessKeyId().ifPresent(settings::s3AccessKeyId);
    s3.secretAccessKey().ifPresent(settings::s3SecretAccessKey);
    return settings.build();
  }

  public static ObjectStore open(LifeboatConfig config) {
    return Locations.open(settings(config));
  }

  /**
   * The store as a backup run sees it: puts, and reads of {@code lifeboat.json} and claims only.
   * Real buckets enforce this with the put-only policy in docs/; the wrapper keeps our own code
   * honest.
   */
  public static ObjectStore openForBackup(LifeboatConfig config) {
    return Repository.backupView(open(config));
  }
}
