package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.store.location.LocationSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreIdentityTest {
  private static LocationSettings s3(String accessKeyId) {
    return new LocationSettings(
        "s3://dr/prod", null, "us-east-1", false, accessKeyId, accessKeyId == null ? null : "s", 0);
  }

  @Test
  void anAccessKeyIdShowsOnlyItsLastFourAndWhereItCameFrom() {
    String id = "AKIAIOSFODNN7EXAMPLE";

    String fromEnv = StoreIdentity.describe(s3(id), Map.of("LIFEBOAT_S3_ACCESS_KEY_ID", id)::get);
    String fromConfig = StoreIdentity.describe(s3(id), Map.<String, String>of()::get);

    assertThat(fromEnv).isEqualTo("access key ****MPLE (LIFEBOAT_S3_ACCESS_KEY_ID)");
    assertThat(fromConfig).isEqualTo("access key ****MPLE (lifeboat.s3.access-key-id)");
    assertThat(StoreIdentity.mask("short")).isEqualTo("****");
  }

  @Test
  void withoutAKeyTheAwsDefaultChainsSourceIsNamed() {
    assertThat(
            StoreIdentity.describe(
                s3(null), Map.of("AWS_ACCESS_KEY_ID", "ASIAXXXXXXXXXXXX1234")::get))
        .isEqualTo("access key ****1234 (AWS_ACCESS_KEY_ID, the AWS default chain)");
    assertThat(
            StoreIdentity.describe(
                s3(null),
                Map.of(
                        "AWS_ROLE_ARN", "arn:aws:iam::1:role/lifeboat-admin",
                        "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token")
                    ::get))
        .isEqualTo(
            "web identity role arn:aws:iam::1:role/lifeboat-admin (IRSA, the AWS default chain)");
    assertThat(StoreIdentity.describe(s3(null), Map.<String, String>of()::get))
        .startsWith("the AWS default chain");
  }
}
