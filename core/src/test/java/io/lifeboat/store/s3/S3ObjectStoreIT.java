package io.lifeboat.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectStoreContract;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.StoredObject;
import io.lifeboat.store.location.LocationSettings;
import io.lifeboat.store.location.Locations;
import io.lifeboat.testing.Ports;
import io.lifeboat.testing.S3Faults;
import io.lifeboat.testing.S3ProxyServer;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStoreIT extends ObjectStoreContract {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  @Override
  protected ObjectStore openEmptyStore() {
    return new S3ObjectStore(S3.client(), S3.createBucket(), "repo/prod", PART_SIZE);
  }

  @Test
  void keysAreRelativeToThePrefixInsideTheBucket() {
    String bucket = S3.createBucket();
    try (ObjectStore prefixed = new S3ObjectStore(S3.client(), bucket, "/team/a/", PART_SIZE);
        ObjectStore whole = new S3ObjectStore(S3.client(), bucket, "", PART_SIZE)) {
      prefixed.put("catalog/x.json", bytes("{}"), Condition.none());

      assertThat(prefixed.location()).isEqualTo("s3://" + bucket + "/team/a/");
      assertThat(keys(prefixed.list(""))).containsExactly("catalog/x.json");
      assertThat(keys(whole.list(""))).containsExactly("team/a/catalog/x.json");
    }
  }

  @Test
  void aLocationOpenedFromSettingsWorksEndToEnd() {
    String bucket = S3.createBucket();
    try (ObjectStore opened = Locations.open(S3.locationSettings(bucket, "p"))) {
      assertThat(opened.put("k", bytes("v"), Condition.ifAbsent())).isPresent();
      assertThat(text(opened.get("k"))).isEqualTo("v");
    }
  }

  @Test
  void anUnreachableEndpointIsAnUnavailableLocation() {
    LocationSettings nobodyListens =
        new LocationSettings(
            "s3://bucket/p",
            "http://127.0.0.1:" + Ports.free(),
            null,
            true,
            S3.accessKey(),
            S3.secretKey(),
            0);
    try (ObjectStore unreachable = Locations.open(nobodyListens)) {
      assertThatThrownBy(() -> unreachable.put("k", bytes("v"), Condition.none()))
          .isInstanceOf(LocationUnavailableException.class)
          .hasMessageContaining("cannot reach s3://bucket/p/ at " + nobodyListens.s3Endpoint());
    }
  }

  @Test
  void wrongCredentialsAreDeniedWithoutRevealingTheSecret() {
    String bucket = S3.createBucket();
    String secret = "not-the-secret-9f8e7d";
    var client =
        S3.clientBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(S3.accessKey(), secret)))
            .build();
    try (ObjectStore denied = new S3ObjectStore(client, bucket, "")) {
      assertThatThrownBy(() -> denied.put("k", bytes("v"), Condition.none()))
          .isInstanceOf(LocationUnavailableException.class)
          .hasMessageContaining("access denied to s3://" + bucket + "/")
          .hasMessageContaining("lifeboat.s3.access-key-id")
          .hasMessageNotContaining(secret)
          .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(secret));
      assertThatThrownBy(() -> denied.list("").toList())
          .isInstanceOf(LocationUnavailableException.class)
          .hasMessageContaining("access denied");
    }
  }

  @Test
  void aMissingBucketIsAnUnavailableLocationNamingTheBucket() {
    try (ObjectStore missing = new S3ObjectStore(S3.client(), "no-such-bucket", "")) {
      assertThatThrownBy(() -> missing.put("k", bytes("v"), Condition.ifAbsent()))
          .isInstanceOf(LocationUnavailableException.class)
          .hasMessageContaining("bucket 'no-such-bucket' does not exist at " + S3.endpoint());
      assertThatThrownBy(() -> missing.list("").toList())
          .isInstanceOf(LocationUnavailableException.class)
          .hasMessageContaining("'no-such-bucket'");
    }
  }

  @Test
  void partSizesBelowTheS3MinimumAreRefused() {
    assertThatThrownBy(() -> new S3ObjectStore(S3.client(), "b", "", 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
  }

  @Test
  void aPartWhoseReplyIsLostIsSentAgainWholeAndEachPartIsSignedAsOnePayload() throws Exception {
    S3Faults faults = new S3Faults();
    faults.loseFirstReply(r -> r.http().firstMatchingRawQueryParameter("partNumber").isPresent());
    List<SdkHttpRequest> partRequests = new CopyOnWriteArrayList<>();
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().firstMatchingRawQueryParameter("partNumber").isPresent()) {
              partRequests.add(context.httpRequest());
            }
          }
        };
    S3Client client =
        S3.clientBuilder()
            .overrideConfiguration(
                c ->
                    c.retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(faults)
                        .addExecutionInterceptor(recorder))
            .build();
    byte[] data = randomBytes(2 * PART_SIZE + 4321);
    StoredObject stored;
    try (ObjectStore store = new S3ObjectStore(client, S3.createBucket(), "", PART_SIZE);
        ObjectWriter writer = store.openWriter("data/x/snapshot.db.zst.age")) {
      writer.write(data);
      stored = writer.commit();

      try (InputStream in = store.get("data/x/snapshot.db.zst.age")) {
        assertThat(in.readAllBytes()).isEqualTo(data);
      }
    }

    assertThat(faults.lostReplies()).isEqualTo(1);
    assertThat(stored.size()).isEqualTo(data.length);
    assertThat(partRequests).as("3 parts, the first sent twice").hasSize(4);
    // Plain http: the payload is signed, as one SHA-256 per part (not aws-chunked, whose
    // per-chunk arrays cost a native executable an mmap each).
    assertThat(partRequests)
        .allSatisfy(
            part -> {
              assertThat(part.firstMatchingHeader("x-amz-content-sha256"))
                  .get(InstanceOfAssertFactories.STRING)
                  .matches("[0-9a-f]{64}");
              assertThat(part.firstMatchingHeader("Content-Encoding")).isEmpty();
            });
    assertThat(partRequests.get(0).firstMatchingHeader("x-amz-content-sha256"))
        .isEqualTo(partRequests.get(1).firstMatchingHeader("x-amz-content-sha256"))
        .contains(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(data, PART_SIZE))));
  }
}
