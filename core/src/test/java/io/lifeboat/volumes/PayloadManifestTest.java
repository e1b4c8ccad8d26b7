package io.lifeboat.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payload manifest is read by prune and by people: its JSON is fixed here. */
class PayloadManifestTest {
  private static final String GOLDEN =
      """
      {
        "formatVersion" : 1,
        "backup" : "prod/shop/20261125T181500Z-3f9a",
        "contents" : [ {
          "name" : "snapcontent-1",
          "volumeSnapshot" : "shop/data-db-0-20261125t181500z-3f9a",
          "driver" : "ebs.csi.aws.com",
          "snapshotHandle" : "snap-0123"
        } ]
      }""";

  @Test
  void writesTheDocumentedJsonAndReadsItBack() {
    PayloadManifest manifest =
        new PayloadManifest(
            1,
            "prod/shop/20261125T181500Z-3f9a",
            List.of(
                new PayloadManifest.Content(
                    "snapcontent-1",
                    "shop/data-db-0-20261125t181500z-3f9a",
                    "ebs.csi.aws.com",
                    "snap-0123")));

    assertThat(Json.writeString(manifest)).isEqualTo(GOLDEN);
    PayloadManifest read =
        Json.read(GOLDEN.getBytes(StandardCharsets.UTF_8), PayloadManifest.class, "manifest.json");
    assertThat(read).isEqualTo(manifest);
    assertThat(read.contentNames()).containsExactly("snapcontent-1");
  }

  @Test
  void aRestoredPvcIsNeverSmallerThanTheSnapshot() {
    assertThat(VolumeRestorer.larger("10Gi", "12Gi").toString()).isEqualTo("12Gi");
    assertThat(VolumeRestorer.larger("10Gi", "1Gi").toString()).isEqualTo("10Gi");
    assertThat(VolumeRestorer.larger(null, "5368709120").toString()).isEqualTo("5368709120");
    assertThat(VolumeRestorer.larger(null, null)).isNull();
  }
}
