package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.error.ExitCode;
import io.lifeboat.store.BucketProtections;
import io.lifeboat.store.BucketProtections.Feature;
import io.lifeboat.store.BucketProtections.Status;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.MutableClock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code repo check} on stand-in stores: one that reports protections as a bucket would, one that
 * cannot tell, one that ignores conditions. The S3Proxy answers are in RepositoryCheckS3ProxyIT.
 */
class RepositoryCheckTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T18:15:00Z"));
  private final InMemoryObjectStore backing = new InMemoryObjectStore(clock);

  /** A bucket that answers GetBucketVersioning and GetObjectLockConfiguration as given. */
  private static ObjectStore reporting(ObjectStore delegate, BucketProtections protections) {
    return new ForwardingStore(delegate) {
      @Override
      public BucketProtections protections() {
        return protections;
      }
    };
  }

  @Test
  void aVersionedBucketIsReportedAndSaysTheEarlierVersionStays() {
    new RepositoryInitializer(backing, clock).init(Set.of());
    var protections =
        new BucketProtections(
            new Feature(Status.ENABLED, "Enabled"), new Feature(Status.DISABLED, "not configured"));

    var report = new RepositoryCheck(reporting(backing, protections), clock).check();

    assertThat(report.exitCode(true)).isEqualTo(ExitCode.OK);
    assertThat(String.join("\n", report.lines()))
        .contains("descriptor:         format 1, created 2026-11-25T18:15:00Z, unencrypted")
        .contains("conditional writes: honoured")
        .contains("versioning:         enabled (Enabled)")
        .contains("object lock:        disabled (not configured)")
        .contains("the earlier version stays");
    assertThat(backing.keys()).as("the probe cleans up").containsExactly("lifeboat.json");
  }

  @Test
  void objectLockWithADefaultRetentionSaysNothingCanBeReplaced() {
    new RepositoryInitializer(backing, clock).init(Set.of());
    var protections =
        new BucketProtections(
            new Feature(Status.ENABLED, "Enabled"),
            new Feature(Status.ENABLED, "default retention COMPLIANCE 30 days"));

    var report = new RepositoryCheck(reporting(backing, protections), clock).check();

    assertThat(report.lines())
        .anySatisfy(l -> assertThat(l).contains("cannot replace or delete an object"));
  }

  @Test
  void aStoreThatCannotTellIsUnknownAndSaysPlainlyWhatAPutOnlyIdentityCanDo() {
    new RepositoryInitializer(backing, clock).init(Set.of());

    var report = new RepositoryCheck(backing, clock).check();

    assertThat(report.protections().versioning().status()).isEqualTo(Status.UNKNOWN);
    assertThat(report.exitCode(false)).isEqualTo(ExitCode.OK);
    assertThat(report.exitCode(true))
        .as("--require-protection on an unprotected bucket")
        .isEqualTo(ExitCode.PARTIAL);
    assertThat(String.join("\n", report.lines()))
        .contains("versioning:         unknown (InMemoryObjectStore cannot tell)")
        .contains("CAN OVERWRITE any backup, catalog entry or claim whose key it can guess");
  }

  @Test
  void aLocationWithoutDescriptorOrConditionalWritesExitsFive() {
    ObjectStore ignoresConditions =
        new ForwardingStore(backing) {
          @Override
          public Optional<String> put(String key, byte[] content, Condition condition) {
            return delegate.put(key, content, Condition.none());
          }
        };

    var report = new RepositoryCheck(ignoresConditions, clock).check();

    assertThat(report.exitCode(false)).isEqualTo(ExitCode.LOCATION_UNAVAILABLE);
    assertThat(report.descriptor()).contains("not usable").contains("repo init");
    assertThat(report.conditionalWrites()).contains("NOT usable").contains("If-None-Match");
  }
}
