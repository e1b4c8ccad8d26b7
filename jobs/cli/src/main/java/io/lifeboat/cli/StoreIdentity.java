package io.lifeboat.cli;

import io.lifeboat.store.location.LocationSettings;
import java.util.function.UnaryOperator;

/**
 * Which store identity the CLI uses, said without its secret: the access key id shows only its last
 * four characters, with where it came from; otherwise the AWS default chain's source.
 */
final class StoreIdentity {
  private StoreIdentity() {}

  static String describe(LocationSettings settings, UnaryOperator<String> env) {
    if (settings.uri().startsWith("file:")) {
      return "file store, local user " + System.getProperty("user.name");
    }
    String id = settings.s3AccessKeyId();
    if (id != null && !id.isBlank()) {
      boolean fromEnv = id.equals(env.apply("LIFEBOAT_S3_ACCESS_KEY_ID"));
      return "access key "
          + mask(id)
          + (fromEnv ? " (LIFEBOAT_S3_ACCESS_KEY_ID)" : " (lifeboat.s3.access-key-id)");
    }
    String aws = env.apply("AWS_ACCESS_KEY_ID");
    if (aws != null && !aws.isBlank()) {
      return "access key " + mask(aws) + " (AWS_ACCESS_KEY_ID, the AWS default chain)";
    }
    String role = env.apply("AWS_ROLE_ARN");
    if (role != null && env.apply("AWS_WEB_IDENTITY_TOKEN_FILE") != null) {
      return "web identity role " + role + " (IRSA, the AWS default chain)";
    }
    return "the AWS default chain (a profile, or the instance or pod role)";
  }

  /** {@code ****WXYZ}: enough to tell keys apart, too little to use. */
  static String mask(String id) {
    return "****" + (id.length() > 8 ? id.substring(id.length() - 4) : "");
  }
}
