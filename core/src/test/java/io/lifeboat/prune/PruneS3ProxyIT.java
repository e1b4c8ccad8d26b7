package io.lifeboat.prune;

import io.lifeboat.store.Locations;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.S3ProxyServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PruneS3ProxyIT extends PruneContract {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @Override
  protected ObjectStore newStore() {
    return Locations.open(S3.locationSettings(S3.createBucket(), "repo"));
  }
}
