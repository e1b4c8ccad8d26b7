package io.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.check.CheckLine;
import io.lifeboat.check.CheckLine.Status;
import io.lifeboat.error.ExitCode;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.LeastPrivilegeStore;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.InMemoryObjectStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What {@code repo check} proves about a store identity, judged by docs/security.md. */
class StoreAccessCheckTest {
  private final InMemoryObjectStore store = new InMemoryObjectStore(Clock.systemUTC());

  private List<String> scratch() {
    try (Stream<ObjectInfo> all = store.list(RepositoryLayout.ACCESS_CHECKS)) {
      return all.map(ObjectInfo::key).toList();
    }
  }

  @Test
  void theAdminIdentityListsPutsAndDeletesAndLeavesNothing() {
    CheckLine line = StoreAccessCheck.check(store, "access key ****WXYZ");

    assertThat(line.status()).isEqualTo(Status.OK);
    assertThat(line.detail())
        .startsWith("access key ****WXYZ: LIST, PUT and DELETE proven under claims/")
        .contains("admin identity");
    assertThat(scratch()).isEmpty();
  }

  @Test
  void thePutOnlyBackupIdentityIsOkBecauseItsListAndDeleteAreRefused() {
    CheckLine line = StoreAccessCheck.check(Repository.backupView(store), "backup key");

    assertThat(line.status()).isEqualTo(Status.OK);
    assertThat(line.detail())
        .contains("PUT proven; LIST and DELETE refused, as the put-only backup identity");
    assertThat(scratch()).hasSize(1);

    CheckLine admin = StoreAccessCheck.check(store, "admin key");

    assertThat(admin.detail()).endsWith("removed 1 put-only check object(s)");
    assertThat(scratch()).isEmpty();
  }

  @Test
  void anIdentityThatCannotPutFailsWithExitFive() {
    ObjectStore readOnly = new LeastPrivilegeStore(store, Set.of("claims/"), Set.of());

    CheckLine line = StoreAccessCheck.check(readOnly, "reader");

    assertThat(line.status()).isEqualTo(Status.FAIL);
    assertThat(line.whenFailed()).isEqualTo(ExitCode.LOCATION_UNAVAILABLE);
    assertThat(line.detail()).startsWith("reader: PUT refused under claims/");
  }

  @Test
  void anIdentityThatListsButCannotDeleteIsAWarning() {
    ObjectStore noDelete =
        new ForwardingStore(store) {
          @Override
          public DeleteResult delete(Collection<String> keys) {
            return new DeleteResult(
                List.of(), Map.of(keys.iterator().next(), "AccessDenied: no s3:DeleteObject"));
          }
        };

    CheckLine line = StoreAccessCheck.check(noDelete, "half admin");

    assertThat(line.status()).isEqualTo(Status.WARN);
    assertThat(line.detail()).contains("LIST allowed, DELETE refused");
  }

  @Test
  void aDeleteRefusedByObjectLockRetentionIsWhatADefaultRetentionMustDo() {
    ObjectStore locked =
        new ForwardingStore(store) {
          @Override
          public DeleteResult delete(Collection<String> keys) {
            return new DeleteResult(
                List.of(), Map.of(keys.iterator().next(), "ObjectLocked: retention until ..."));
          }
        };

    CheckLine line = StoreAccessCheck.check(locked, "admin");

    assertThat(line.status()).isEqualTo(Status.OK);
    assertThat(line.detail()).contains("DELETE refused by Object Lock retention");
  }

  @Test
  void theStoresFailureOutranksEtcdsWhichOutranksARequiredProtection() {
    var partial = CheckLine.fail("put-only identity", "x", ExitCode.PARTIAL);
    var etcd = CheckLine.fail("etcd", "x", ExitCode.SOURCE_UNAVAILABLE);
    var store = CheckLine.fail("descriptor", "x", ExitCode.LOCATION_UNAVAILABLE);
    var skipped = CheckLine.skip("etcd", "not configured");
    var warned = CheckLine.warn("versioning", "disabled");

    assertThat(CheckLine.exitCode(List.of(skipped, warned))).isEqualTo(ExitCode.OK);
    assertThat(CheckLine.exitCode(List.of(partial, etcd))).isEqualTo(ExitCode.SOURCE_UNAVAILABLE);
    assertThat(CheckLine.exitCode(List.of(partial, etcd, store)))
        .isEqualTo(ExitCode.LOCATION_UNAVAILABLE);
    assertThat(CheckLine.exitCode(List.of(warned, partial))).isEqualTo(ExitCode.PARTIAL);
  }
}
