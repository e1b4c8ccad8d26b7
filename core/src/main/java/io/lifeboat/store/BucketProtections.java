package io.lifeboat.store;

/**
 * What the store itself does against an identity that may only put: keep the old version of an
 * overwritten object (versioning) or refuse to replace or delete an object before its retention
 * ends (Object Lock with a default retention). Lifeboat's own checks cannot stop an unconditional
 * PUT over a key the writer can guess; only these can. Reported by {@code repo init} and {@code
 * repo check}, never required.
 *
 * @param versioning whether overwritten and deleted objects keep their earlier versions
 * @param objectLock whether objects are locked on write: {@link Status#ENABLED} only with a default
 *     retention, since Lifeboat does not ask for retention per object
 */
public record BucketProtections(Feature versioning, Feature objectLock) {
  public BucketProtections {
    if (versioning == null || objectLock == null) {
      throw new IllegalArgumentException("versioning and objectLock are required");
    }
  }

  /** A store that cannot tell (the default of {@link ObjectStore#protections()}). */
  public static BucketProtections unknown(String why) {
    return new BucketProtections(
        new Feature(Status.UNKNOWN, why), new Feature(Status.UNKNOWN, why));
  }

  public enum Status {
    /** Protects: versions are kept, or objects are locked by default. */
    ENABLED,
    /** Was on, now off for new writes (versioning suspended; Object Lock without a default). */
    PARTIAL,
    /** Not offered or not configured. */
    DISABLED,
    /** The store did not answer (not implemented, access denied): assume it does not protect. */
    UNKNOWN
  }

  /** One protection and a short, plain description of what the store answered. */
  public record Feature(Status status, String detail) {
    public Feature {
      if (status == null || detail == null || detail.isBlank()) {
        throw new IllegalArgumentException("status and detail are required");
      }
    }

    public boolean protects() {
      return status == Status.ENABLED;
    }
  }

  /** True when either protection is on: an overwrite by a put-only identity can be undone. */
  public boolean protectsAgainstOverwrite() {
    return versioning.protects() || objectLock.protects();
  }
}
