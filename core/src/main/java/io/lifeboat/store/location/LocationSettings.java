package io.lifeboat.store.location;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.store.s3.S3ObjectStore;

/**
 * Where the repository lives and how to reach it: {@code lifeboat.location} plus the {@code
 * lifeboat.s3.*} settings (ignored for {@code file://} locations). Credentials may be null: the AWS
 * SDK's default chain (env, profile, IRSA web identity, instance role) is used unless both keys are
 * given. {@link #toString()} never prints the secret.
 *
 * @param uri {@code s3://bucket[/prefix]} or {@code file:///path}
 * @param s3Endpoint endpoint override ({@code http://127.0.0.1:9000}), null for AWS
 * @param s3Region signing region, {@link #DEFAULT_REGION} when null or blank
 * @param s3PathStyle path-style addressing (MinIO, S3Proxy, Ceph)
 * @param s3PartSize multipart part size in bytes, at least 5 MiB; 0 for {@link
 *     S3ObjectStore#DEFAULT_PART_SIZE}
 */
public record LocationSettings(
    String uri,
    String s3Endpoint,
    String s3Region,
    boolean s3PathStyle,
    String s3AccessKeyId,
    String s3SecretAccessKey,
    int s3PartSize) {
  public static final String DEFAULT_REGION = "us-east-1";
  private static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  public LocationSettings {
    if (s3Region == null || s3Region.isBlank()) {
      s3Region = DEFAULT_REGION;
    }
    if (s3Endpoint != null && s3Endpoint.isBlank()) {
      s3Endpoint = null;
    }
    if (s3PartSize == 0) {
      s3PartSize = S3ObjectStore.DEFAULT_PART_SIZE;
    }
    if (s3PartSize < MIN_PART_SIZE) {
      throw new InvalidConfigurationException(
          "lifeboat.s3.part-size must be at least "
              + MIN_PART_SIZE
              + " (5 MiB), was "
              + s3PartSize);
    }
  }

  /** A location with every S3 setting at its default (default credential chain, AWS endpoint). */
  public static LocationSettings of(String uri) {
    return new LocationSettings(uri, null, null, false, null, null, 0);
  }

  /** A builder for {@code uri}: each S3 setting left unset keeps the default this record owns. */
  public static Builder builder(String uri) {
    return new Builder(uri);
  }

  /** Only what the configuration sets; the defaults stay here, in the record. */
  public static final class Builder {
    private final String uri;
    private String s3Endpoint;
    private String s3Region;
    private boolean s3PathStyle;
    private String s3AccessKeyId;
    private String s3SecretAccessKey;
    private int s3PartSize;

    private Builder(String uri) {
      this.uri = uri;
    }

    public Builder s3Endpoint(String value) {
      s3Endpoint = value;
      return this;
    }

    public Builder s3Region(String value) {
      s3Region = value;
      return this;
    }

    public Builder s3PathStyle(boolean value) {
      s3PathStyle = value;
      return this;
    }

    public Builder s3AccessKeyId(String value) {
      s3AccessKeyId = value;
      return this;
    }

    public Builder s3SecretAccessKey(String value) {
      s3SecretAccessKey = value;
      return this;
    }

    public Builder s3PartSize(int value) {
      s3PartSize = value;
      return this;
    }

    public LocationSettings build() {
      return new LocationSettings(
          uri, s3Endpoint, s3Region, s3PathStyle, s3AccessKeyId, s3SecretAccessKey, s3PartSize);
    }
  }

  /** True when both static keys are set; otherwise the default credential chain applies. */
  public boolean hasStaticCredentials() {
    return s3AccessKeyId != null
        && !s3AccessKeyId.isBlank()
        && s3SecretAccessKey != null
        && !s3SecretAccessKey.isBlank();
  }

  @Override
  public String toString() {
    return "LocationSettings[uri="
        + uri
        + ", s3Endpoint="
        + s3Endpoint
        + ", s3Region="
        + s3Region
        + ", s3PathStyle="
        + s3PathStyle
        + ", s3AccessKeyId="
        + s3AccessKeyId
        + ", s3SecretAccessKey="
        + (s3SecretAccessKey == null ? "null" : "****")
        + ", s3PartSize="
        + s3PartSize
        + "]";
  }
}
