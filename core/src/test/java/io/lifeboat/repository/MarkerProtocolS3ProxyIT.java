package io.lifeboat.repository;

import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.S3ProxyServer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The marker protocol on real S3Proxy 4.1 over HTTP, one fresh bucket per test. */
class MarkerProtocolS3ProxyIT extends MarkerProtocolContract {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @Override
  protected ObjectStore newStore() {
    return Locations.open(S3.locationSettings(S3.createBucket(), "dr"));
  }

  /**
   * Seen failing here (2 to 4 of 8 racers "won"): S3Proxy's filesystem backend compares the
   * If-Match etag and then writes, in two steps, so racing If-Match PUTs on one key can all
   * succeed. AWS S3 decides the condition atomically. The race itself is proven on the in-memory
   * and file stores; each step of it (a stale If-Match gets 412) is proven here by the other tests.
   */
  @Override
  @Test
  @Disabled("S3Proxy 4.1 does not decide racing If-Match PUTs atomically; see the Javadoc")
  void racingTakeoversOfAnExpiredLeaseLeaveExactlyOneHolder() {}
}
