package io.lifeboat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import io.lifeboat.testing.InMemoryObjectStore;
import io.lifeboat.testing.RecordingProgress;
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
  void progressCountsThePlansKeysBatchByBatchUpToAllOfThemDeleted() {
    hourly(Kind.ETCD, prod, 1_101);
    RecordingProgress progress = new RecordingProgress();

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test", progress);

    long keys = outcome.plan().keys().size();
    assertThat(keys).isEqualTo(2_200);
    assertThat(progress.subjects()).containsExactly("etcd prod");
    assertThat(progress.steps())
        .extracting(RecordingProgress.Step::done)
        .containsExactly(1000L, 1100L, 2100L, 2200L);
    assertThat(progress.steps()).allMatch(s -> s.total() == keys);
    assertThat(outcome.report().deleted()).hasSize((int) keys);
  }

  @Test
  void summariesSayOneBackupAndOneObjectNotOneBackups() {
    hourly(Kind.ETCD, prod, 2);

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test");

    assertThat(outcome.plan().summary()).startsWith("2 backups: 1 kept, 1 removed,");
    assertThat(outcome.report().summary())
        .startsWith("1 backup removed, 2 objects deleted,")
        .contains("0 data folders kept, 0 external resources reclaimed,")
        .contains("0 uploads aborted");
    assertThat(pruner(store).plan(Kind.ETCD, prod, keepLast(1)).summary())
        .startsWith("1 backup: 1 kept, 0 removed,");
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
