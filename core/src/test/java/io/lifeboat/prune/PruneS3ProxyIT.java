package io.lifeboat.prune;

import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

class PruneS3ProxyIT extends PruneContract {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private String bucket;

  @Override
  protected ObjectStore newStore() {
    bucket = S3.createBucket();
    return Locations.open(S3.locationSettings(bucket, "repo"));
  }

  /** S3Proxy's filesystem backend reports a file's mtime as its LastModified. */
  @Override
  protected void writtenAt(String key, Instant when) throws Exception {
    Files.setLastModifiedTime(
        S3.bucketDirectory(bucket).resolve("repo").resolve(key), FileTime.from(when));
  }
}
