package io.lifeboat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.repository.Repository;
import io.lifeboat.testing.InMemoryObjectStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backup view ({@link Repository#backupView}) is the put-only policy of docs/s3-policies.md.
 */
class LeastPrivilegeStoreTest {
  private final InMemoryObjectStore backing = new InMemoryObjectStore();
  private final ObjectStore store = Repository.backupView(backing);

  @Test
  void allowsPutsOfBackupsAndClaimsAndReadingTheDescriptor() throws Exception {
    backing.put("lifeboat.json", new byte[] {1}, Condition.ifAbsent());
    assertThat(store.put("claims/etcd/prod/x", new byte[] {1}, Condition.ifAbsent())).isPresent();
    assertThat(store.put("catalog/etcd/prod/a.json", new byte[] {1}, Condition.ifAbsent()))
        .isPresent();
    try (ObjectWriter writer = store.openWriter("data/etcd/prod/a/snapshot.db.zst")) {
      writer.write(new byte[] {1});
      writer.commit();
    }
    assertThat(store.read("lifeboat.json")).isPresent();
    assertThat(store.read("claims/etcd/prod/x")).isPresent();
  }

  @ParameterizedTest(name = "refuses writing {0}")
  @ValueSource(
      strings = {
        "lifeboat.json",
        "leases/prune-etcd-prod.json",
        "leases/restore-namespace-prod/shop.json",
        "restores/namespace/prod/shop/r1.json",
        "probes/x",
        "elsewhere"
      })
  void refusesWritingOutsideDataCatalogAndClaims(String key) {
    assertThatThrownBy(() -> store.put(key, new byte[] {1}, Condition.none()))
        .isInstanceOf(LocationUnavailableException.class)
        .hasMessageContaining("may not write '" + key + "'");
    assertThatThrownBy(() -> store.openWriter(key)).hasMessageContaining("may not write");
    assertThatThrownBy(() -> store.abortUpload(new IncompleteUpload(key, "u1", Instant.EPOCH)))
        .hasMessageContaining("may not abort uploads of");
    assertThat(backing.keys()).isEmpty();
  }

  @Test
  void readsACatalogEntryByKeySoALostCommitReplyCanBeCheckedButNeverItsData() {
    backing.put("catalog/etcd/prod/a.json", new byte[] {1}, Condition.none());
    backing.put("data/etcd/prod/a/snapshot.db", new byte[] {2}, Condition.none());

    assertThat(store.read("catalog/etcd/prod/a.json")).isPresent();
    assertThatThrownBy(() -> store.read("data/etcd/prod/a/snapshot.db"))
        .hasMessageContaining("may not read");
    assertThatThrownBy(() -> store.get("data/etcd/prod/a/snapshot.db"))
        .hasMessageContaining("may not read");
  }

  @Test
  void refusesListingReadingAndDeletingBackups() {
    backing.put("catalog/etcd/prod/a.json", new byte[] {1}, Condition.none());
    assertThatThrownBy(() -> store.list("catalog/"))
        .isInstanceOf(LocationUnavailableException.class)
        .hasMessageContaining("may not list");
    assertThatThrownBy(() -> store.read("restores/etcd/prod/r.json"))
        .hasMessageContaining("may not read");
    assertThatThrownBy(() -> store.delete(List.of("catalog/etcd/prod/a.json")))
        .hasMessageContaining("may not delete");
    assertThatThrownBy(() -> store.deleteIfMatch("catalog/etcd/prod/a.json", "x"))
        .hasMessageContaining("may not delete");
    assertThat(backing.keys()).contains("catalog/etcd/prod/a.json");
  }
}
