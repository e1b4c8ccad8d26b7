package io.lifeboat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.repository.RepositoryLayout;
import io.lifeboat.testing.InMemoryObjectStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastPrivilegeStoreTest {
  private final InMemoryObjectStore backing = new InMemoryObjectStore();
  private final ObjectStore store =
      new LeastPrivilegeStore(backing, RepositoryLayout.BACKUP_READABLE);

  @Test
  void allowsPutsAndReadingTheDescriptor() {
    assertThat(store.put("lifeboat.json", new byte[] {1}, Condition.ifAbsent())).isPresent();
    assertThat(store.put("claims/etcd/prod/x", new byte[] {1}, Condition.ifAbsent())).isPresent();
    assertThat(store.read("lifeboat.json")).isPresent();
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
