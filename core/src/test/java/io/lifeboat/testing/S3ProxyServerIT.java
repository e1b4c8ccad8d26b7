package io.lifeboat.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.s3.S3ObjectStore;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class S3ProxyServerIT {

  @Test
  void aRestartedServerKeepsItsPortAndItsObjects() {
    try (S3ProxyServer s3 = S3ProxyServer.started()) {
      String bucket = s3.createBucket();
      URI endpoint = s3.endpoint();
      try (ObjectStore store = new S3ObjectStore(s3.client(), bucket, "")) {
        store.put("kept", "v".getBytes(UTF_8), Condition.none());

        s3.restart();

        assertThat(s3.endpoint()).isEqualTo(endpoint);
        assertThat(store.read("kept").orElseThrow().content()).isEqualTo("v".getBytes(UTF_8));
      }
    }
  }

  @Test
  void aServerStoppedMidUploadMakesTheWriteFailAsAnUnavailableLocation() throws IOException {
    try (S3ProxyServer s3 = S3ProxyServer.started()) {
      String bucket = s3.createBucket();
      int partSize = S3ObjectStore.MIN_PART_SIZE;
      try (ObjectStore store = new S3ObjectStore(s3.client(), bucket, "", partSize);
          ObjectWriter writer = store.openWriter("big")) {
        writer.write(new byte[partSize]);

        s3.stop();

        assertThat(s3.isRunning()).isFalse();
        // Parts upload in the background: the failure surfaces on a later write or at commit.
        assertThatThrownBy(
                () -> {
                  writer.write(new byte[partSize]);
                  writer.write(new byte[partSize]);
                  writer.commit();
                })
            .isInstanceOf(LocationUnavailableException.class)
            .hasMessageContaining("cannot reach s3://" + bucket + "/");
        s3.restart();
        assertThat(store.stat("big")).isEmpty();
      }
    }
  }
}
