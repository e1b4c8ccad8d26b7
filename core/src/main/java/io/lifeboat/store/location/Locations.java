package io.lifeboat.store.location;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import io.lifeboat.store.s3.S3ObjectStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Opens the {@link ObjectStore} a {@code lifeboat.location} URI names. */
public final class Locations {
  private Locations() {}

  /**
   * Opens {@code s3://bucket[/prefix]} or {@code file:///path}. Opening makes no request: an
   * unreachable location fails on first use with a LocationUnavailableException.
   *
   * @throws InvalidConfigurationException naming the value when the URI is neither
   * @throws io.lifeboat.error.LocationUnavailableException when a file location does not exist
   */
  public static ObjectStore open(LocationSettings settings) {
    return open(settings, false);
  }

  /**
   * Like {@link #open}, but creates a missing {@code file://} directory: for {@code lifeboat repo
   * init}, which is where a repository comes into being; a directory created for an init that fails
   * is removed when the store closes. Buckets are never created.
   */
  public static ObjectStore openCreating(LocationSettings settings) {
    return open(settings, true);
  }

  private static ObjectStore open(LocationSettings settings, boolean create) {
    String uri = settings.uri();
    if (uri != null && uri.startsWith("s3://")) {
      String rest = uri.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String prefix = slash < 0 ? "" : rest.substring(slash + 1);
      if (bucket.isEmpty()) {
        throw invalid(uri);
      }
      try {
        return new S3ObjectStore(s3Client(settings), bucket, prefix, settings.s3PartSize());
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException(
            "lifeboat.location has an invalid prefix, was '" + uri + "': " + e.getMessage(), e);
      }
    }
    if (uri != null && uri.startsWith("file:///")) {
      try {
        Path root = Path.of(new URI(uri));
        return create ? FileObjectStore.createRootForInit(root) : new FileObjectStore(root);
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw invalid(uri);
      }
    }
    throw invalid(uri);
  }

  /**
   * The S3 client for {@code settings}: Apache HTTP client (it honours Expect: 100-continue, so a
   * 412 arrives before the body is sent), standard retries, no secret logged.
   */
  public static S3Client s3Client(LocationSettings settings) {
    return s3ClientBuilder(settings).build();
  }

  /**
   * {@link #s3Client}'s builder, for tests that add an interceptor to the client the jobs use
   * (S3ProxyServer): the same transport, checksum and signing settings as production.
   */
  public static S3ClientBuilder s3ClientBuilder(LocationSettings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(ApacheHttpClient.create())
            // Every payload already carries our own SHA-256 in its manifest; a CRC32 of every
            // upload on top costs a pass over the bytes for nothing.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            // Over plain http the SDK signs the payload. Chunked, it signs every 128 KiB chunk and
            // allocates a fresh array for each: a native executable maps and unmaps memory for
            // every one of them (bench/README.md). Unchunked, one SHA-256 per part is signed: the
            // same protection. Over https the payload is not signed either way.
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .region(Region.of(settings.s3Region()))
            .forcePathStyle(settings.s3PathStyle())
            .credentialsProvider(credentials(settings))
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD));
    if (settings.s3Endpoint() != null) {
      builder.endpointOverride(endpoint(settings.s3Endpoint()));
    }
    return builder;
  }

  private static AwsCredentialsProvider credentials(LocationSettings settings) {
    if (settings.hasStaticCredentials()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.s3AccessKeyId(), settings.s3SecretAccessKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static URI endpoint(String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(value, "needs a scheme and a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidConfigurationException(
          "lifeboat.s3.endpoint must be an http(s) URL such as http://127.0.0.1:9000, was '"
              + value
              + "'",
          e);
    }
  }

  private static InvalidConfigurationException invalid(String uri) {
    return new InvalidConfigurationException(
        "lifeboat.location must be s3://bucket[/prefix] or file:///path, was '" + uri + "'");
  }
}
