package io.lifeboat.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.repository.RepositoryInitializer;
import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectStoreContract;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.testing.ForwardingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreTest extends ObjectStoreContract {
  @TempDir Path root;

  @Override
  protected ObjectStore openEmptyStore() {
    return new FileObjectStore(root);
  }

  @Test
  void aMissingRootDirectoryIsAnUnavailableLocationNamingThePath() {
    Path missing = root.resolve("not-initialised");

    assertThatThrownBy(() -> new FileObjectStore(missing))
        .isInstanceOf(LocationUnavailableException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("repo init");
  }

  @Test
  void createRootCreatesTheDirectoryForRepoInit() {
    Path fresh = root.resolve("new/repository");

    try (FileObjectStore created = FileObjectStore.createRoot(fresh)) {
      assertThat(created.location()).isEqualTo("file://" + fresh + "/");
      assertThat(fresh).isDirectory();
    }
  }

  @Test
  void aRepoInitRefusedByTheProbeLeavesNoDirectoryBehind() {
    Path fresh = root.resolve("new/repository");
    FileObjectStore created = FileObjectStore.createRootForInit(fresh);
    ObjectStore ignoringIfMatchOnDelete =
        new ForwardingStore(created) {
          @Override
          public boolean deleteIfMatch(String key, String etag) {
            delegate.delete(List.of(key));
            return true;
          }
        };

    try (ignoringIfMatchOnDelete) {
      assertThatThrownBy(
              () ->
                  new RepositoryInitializer(ignoringIfMatchOnDelete, Clock.systemUTC())
                      .init(Set.of()))
          .isInstanceOf(LocationUnavailableException.class)
          .hasMessageContaining("ignores If-Match on DELETE");
    }

    assertThat(root.resolve("new")).doesNotExist();
  }

  @Test
  void aSuccessfulRepoInitKeepsItsDirectory() {
    Path fresh = root.resolve("new/repository");

    try (FileObjectStore created = FileObjectStore.createRootForInit(fresh)) {
      new RepositoryInitializer(created, Clock.systemUTC()).init(Set.of());
    }

    assertThat(fresh.resolve("lifeboat.json")).exists();
  }

  @Test
  void etagsAreTheLowercaseSha256OfTheContent() {
    String etag = store.put("e", bytes("abc"), Condition.none()).orElseThrow();

    assertThat(etag).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void anUncommittedWriteIsATempFileNamedAfterItsTarget() throws IOException {
    try (ObjectWriter writer = store.openWriter("data/snapshot.db")) {
      writer.write(bytes("partial"));

      try (Stream<Path> files = Files.list(root.resolve("data"))) {
        assertThat(files.map(p -> p.getFileName().toString()).toList())
            .singleElement()
            .asString()
            .matches("\\.snapshot\\.db\\.tmp-[0-9a-f]{16}");
      }
    }
  }

  @Test
  void lockFilesOfConditionalWritesAreNotListed() {
    String etag = store.put("leases/prune.json", bytes("1"), Condition.none()).orElseThrow();
    store.put("leases/prune.json", bytes("2"), Condition.ifMatch(etag));

    assertThat(keys(store.list(""))).containsExactly("leases/prune.json");
    assertThat(root.resolve("leases/.prune.json.lock")).doesNotExist();
    assertThat(root.resolve(".locks")).isDirectory();
  }

  @Test
  void deletingTheLastObjectOfADirectoryRemovesTheEmptyDirectories() {
    store.put("data/etcd/c1/id/snapshot.db", bytes("x"), Condition.none());
    store.put("data/other", bytes("y"), Condition.none());

    store.delete(List.of("data/etcd/c1/id/snapshot.db"));

    assertThat(root.resolve("data/etcd")).doesNotExist();
    assertThat(root.resolve("data/other")).exists();
  }

  @Test
  void abortingRefusesAnUploadIdThatIsNoTempFileOfTheKey() {
    assertThatThrownBy(
            () ->
                store.abortUpload(new io.lifeboat.store.IncompleteUpload("a/b", "../../etc", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../../etc");
  }
}
