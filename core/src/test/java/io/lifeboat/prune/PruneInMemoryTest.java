package io.lifeboat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.InMemoryObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract in memory (the store dates objects by the wall clock, as real stores do). */
class PruneInMemoryTest extends PruneContract {
  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore(Clock.systemUTC());
  }

  @Override
  protected void writtenAt(String key, Instant when) {
    ((InMemoryObjectStore) store).setLastModified(key, when);
  }

  @Test
  void deletesGoOutAtMostAThousandKeysPerRequestCatalogEntriesFirst() {
    List<BackupRef> backups = hourly(Kind.ETCD, prod, 1_101);
    List<List<String>> requests = new ArrayList<>();
    ObjectStore recording =
        new ForwardingStore(store) {
          @Override
          public DeleteResult delete(Collection<String> keys) {
            requests.add(List.copyOf(keys));
            return super.delete(keys);
          }
        };

    Pruner.Outcome outcome = pruner(recording).prune(Kind.ETCD, prod, keepLast(1), "test");

    // 1,100 catalog entries in two requests, then 1,100 data objects in two more.
    assertThat(requests).extracting(List::size).containsExactly(1000, 100, 1000, 100);
    assertThat(requests.get(0)).allMatch(k -> k.startsWith("catalog/"));
    assertThat(requests.get(1)).allMatch(k -> k.startsWith("catalog/"));
    assertThat(requests.get(2)).allMatch(k -> k.startsWith("data/"));
    assertThat(outcome.report().catalogEntries()).isEqualTo(1_100);
    assertThat(keys()).hasSize(2).contains(backups.get(1_100).catalogKey());
  }
}
