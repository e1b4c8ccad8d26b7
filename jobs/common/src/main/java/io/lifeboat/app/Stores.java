package io.lifeboat.app;

import io.lifeboat.repository.Repository;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.location.Locations;

/** Opens the configured backup location, as a backup run (least privilege) or with full access. */
public final class Stores {
  private Stores() {}

  public static LocationSettings settings(LifeboatConfig config) {
    LifeboatConfig.S3 s3 = config.s3();
    return new LocationSettings(
        config.location(),
        s3.endpoint().orElse(null),
        s3.region(),
        s3.pathStyle(),
        s3.accessKeyId().orElse(null),
        s3.secretAccessKey().orElse(null),
        s3.partSize());
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
