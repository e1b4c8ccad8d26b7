package io.lifeboat.store.s3;

import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.store.ConditionalConflictException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that turns SDK failures into Lifeboat's. Messages name the location and endpoint,
 * never a credential: the secret key is not in scope here, and service error messages are not
 * echoed for authentication failures.
 */
final class S3Failures {
  private final String location;
  private final String bucket;
  private final String endpoint;

  S3Failures(String location, String bucket, String endpoint) {
    this.location = location;
    this.bucket = bucket;
    this.endpoint = endpoint;
  }

  /** HTTP status of a service error, or 0 for client-side failures. */
  static int status(SdkException e) {
    return e instanceof AwsServiceException service ? service.statusCode() : 0;
  }

  /** S3 error code of a service error ("NoSuchKey"), or "" when there is none (HEAD). */
  static String code(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  static boolean isPreconditionFailed(SdkException e) {
    return status(e) == 412;
  }

  /**
   * 409 ConditionalRequestConflict: a concurrent conditional write, not a failed condition.
   * Treating it as 412 made a claimer skip a slot nobody had claimed; it is retried instead.
   */
  static boolean isConditionalConflict(SdkException e) {
    return status(e) == 409 && code(e).equals("ConditionalRequestConflict");
  }

  ConditionalConflictException conflict(SdkException e, String action, String key) {
    return new ConditionalConflictException(
        "conditional "
            + action
            + " of '"
            + key
            + "' under "
            + location
            + " collided with a concurrent write (HTTP 409 ConditionalRequestConflict)",
        e);
  }

  static boolean isNotFound(SdkException e) {
    return status(e) == 404 && !code(e).equals("NoSuchBucket");
  }

  /** Maps a failure of {@code action} ("get", "put", ...) on {@code key}. */
  LifeboatException map(SdkException e, String action, String key) {
    String code = code(e);
    int status = status(e);
    if (status == 0) {
      return new LocationUnavailableException(
          "cannot reach " + location + " at " + endpoint + ": " + clientSide(e), e);
    }
    if (status == 403
        || code.equals("AccessDenied")
        || code.equals("InvalidAccessKeyId")
        || code.equals("SignatureDoesNotMatch")) {
      return new LocationUnavailableException(
          "access denied to "
              + location
              + " at "
              + endpoint
              + " ("
              + (code.isEmpty() ? "HTTP 403" : code)
              + " on "
              + action
              + " '"
              + key
              + "'): check the credentials (lifeboat.s3.access-key-id and"
              + " lifeboat.s3.secret-access-key, or the AWS default chain) and the bucket policy");
    }
    if (code.equals("NoSuchBucket")) {
      return new LocationUnavailableException(
          "bucket '" + bucket + "' does not exist at " + endpoint + " (" + location + ")");
    }
    if (isNotFound(e)) {
      return new NotFoundException("object '" + key + "' not found under " + location, e);
    }
    return new LocationUnavailableException(
        "cannot "
            + action
            + " '"
            + key
            + "' under "
            + location
            + " at "
            + endpoint
            + ": HTTP "
            + status
            + (code.isEmpty() ? "" : " " + code),
        e);
  }

  /**
   * A failure before any answer, in a line: a refused connection said as such, missing credentials
   * said with where they are looked for (the SDK's own text lists its provider classes).
   */
  private static String clientSide(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (t instanceof java.net.UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
    }
    String text = String.valueOf(e.getMessage());
    if (text.startsWith("Unable to load credentials")) {
      return "no credentials: set lifeboat.s3.access-key-id and lifeboat.s3.secret-access-key"
          + " (LIFEBOAT_S3_ACCESS_KEY_ID, LIFEBOAT_S3_SECRET_ACCESS_KEY), or provide them the AWS"
          + " way (AWS_ACCESS_KEY_ID, a web identity token, an instance role)";
    }
    return text.split("\\R", 2)[0];
  }
}
