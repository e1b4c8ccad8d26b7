package io.lifeboat.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.repository.BackupRef;
import io.lifeboat.repository.Kind;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.file.FileObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneFileStoreTest extends PruneContract {
  @TempDir Path root;

  @Override
  protected ObjectStore newStore() {
    return new FileObjectStore(root);
  }

  @Override
  protected void writtenAt(String key, Instant when) throws Exception {
    Files.setLastModifiedTime(root.resolve(key), FileTime.from(when));
  }

  @Test
  void incompleteUploadsOlderThanTheGracePeriodAreAborted() throws Exception {
    BackupRef ref = backup(Kind.ETCD, prod, clock.instant());
    ObjectWriter abandoned =
        store.openWriter(
            ref.dataPrefix().replace(ref.id().toString(), "20260101T000000Z-0001")
                + "snapshot.db.zst");
    abandoned.write("partial".getBytes(StandardCharsets.UTF_8));
    assertThat(store.listIncompleteUploads("data/")).hasSize(1);

    Pruner.Outcome outcome = pruner(store).prune(Kind.ETCD, prod, keepLast(1), "test");

    assertThat(outcome.report().uploadsAborted()).isEqualTo(1);
    assertThat(store.listIncompleteUploads("data/")).isEmpty();
  }
}
