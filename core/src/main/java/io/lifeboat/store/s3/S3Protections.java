package io.lifeboat.store.s3;

import io.lifeboat.store.BucketProtections;
import io.lifeboat.store.BucketProtections.Feature;
import io.lifeboat.store.BucketProtections.Status;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

/**
 * Asks the bucket for its versioning ({@code GetBucketVersioning}) and Object Lock ({@code
 * GetObjectLockConfiguration}) settings. A call the server refuses or does not implement is {@link
 * Status#UNKNOWN} with what it answered: S3-compatible servers differ, and "unknown" must never
 * read as "protected".
 */
final class S3Protections {
  private S3Protections() {}

  static BucketProtections of(S3Client client, String bucket) {
    return new BucketProtections(versioning(client, bucket), objectLock(client, bucket));
  }

  private static Feature versioning(S3Client client, String bucket) {
    BucketVersioningStatus status;
    try {
      status = client.getBucketVersioning(r -> r.bucket(bucket)).status();
    } catch (SdkException e) {
      return unknown("GetBucketVersioning", e);
    }
    if (status == BucketVersioningStatus.ENABLED) {
      return new Feature(
          Status.ENABLED, "Enabled: an overwritten or deleted object keeps its earlier version");
    }
    if (status == BucketVersioningStatus.SUSPENDED) {
      return new Feature(
          Status.PARTIAL, "Suspended: earlier versions stay, new overwrites replace objects");
    }
    return new Feature(Status.DISABLED, "never enabled: an overwrite replaces the object");
  }

  private static Feature objectLock(S3Client client, String bucket) {
    ObjectLockConfiguration configuration;
    try {
      configuration =
          client.getObjectLockConfiguration(r -> r.bucket(bucket)).objectLockConfiguration();
    } catch (SdkException e) {
      if (S3Failures.code(e).equals("ObjectLockConfigurationNotFoundError")) {
        return new Feature(Status.DISABLED, "not configured on this bucket");
      }
      return unknown("GetObjectLockConfiguration", e);
    }
    if (configuration == null || configuration.objectLockEnabled() != ObjectLockEnabled.ENABLED) {
      return new Feature(Status.DISABLED, "not enabled on this bucket");
    }
    DefaultRetention retention =
        configuration.rule() == null ? null : configuration.rule().defaultRetention();
    if (retention == null) {
      return new Feature(
          Status.PARTIAL,
          "enabled without a default retention: Lifeboat asks for none per object, so nothing"
              + " it writes is locked");
    }
    String period =
        retention.days() != null ? retention.days() + " days" : retention.years() + " years";
    return new Feature(
        Status.ENABLED,
        "default retention "
            + retention.modeAsString()
            + " "
            + period
            + (retention.modeAsString().equals("GOVERNANCE")
                ? " (identities with s3:BypassGovernanceRetention can still delete)"
                : ""));
  }

  private static Feature unknown(String call, SdkException e) {
    int status = S3Failures.status(e);
    String code = S3Failures.code(e);
    String answer =
        status == 0
            ? "no answer (" + e.getClass().getSimpleName() + ")"
            : "HTTP " + status + (code.isEmpty() ? "" : " " + code);
    return new Feature(
        Status.UNKNOWN,
        call
            + " answered "
            + answer
            + (status == 403 ? " (grant s3:" + permission(call) + " to see it)" : "")
            + ": assume the store does not protect");
  }

  private static String permission(String call) {
    return call.equals("GetBucketVersioning")
        ? "GetBucketVersioning"
        : "GetBucketObjectLockConfiguration";
  }
}
