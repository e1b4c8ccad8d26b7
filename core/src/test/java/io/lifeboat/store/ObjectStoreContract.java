package io.lifeboat.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance suite every {@link ObjectStore} adapter passes (restic's backend tests). A
 * subclass opens a fresh, empty store per test; the suite writes with {@link #PART_SIZE} in mind,
 * so S3 stores under test should use it as their part size.
 */
public abstract class ObjectStoreContract {
  /** The S3 minimum part size; S3 stores under test use it so that 12 MiB takes three parts. */
  protected static final int PART_SIZE = 5 * 1024 * 1024;

  protected ObjectStore store;

  /** A new store over an empty location. */
  protected abstract ObjectStore openEmptyStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = openEmptyStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void putThenReadReturnsTheContentAndTheSameEtag() {
    Optional<String> etag = store.put("a/b.json", bytes("hello"), Condition.none());

    assertThat(etag).isPresent();
    VersionedObject read = store.read("a/b.json").orElseThrow();
    assertThat(read.content()).isEqualTo(bytes("hello"));
    assertThat(read.etag()).isEqualTo(etag.get());
    assertThat(text(store.get("a/b.json"))).isEqualTo("hello");
  }

  @Test
  void statGivesTheSizeAndNothingForAMissingKey() {
    store.put("s/one", bytes("12345"), Condition.none());

    ObjectInfo info = store.stat("s/one").orElseThrow();
    assertThat(info.key()).isEqualTo("s/one");
    assertThat(info.size()).isEqualTo(5);
    assertThat(info.lastModified()).isNotNull();
    assertThat(store.stat("s/two")).isEmpty();
  }

  @Test
  void missingKeysAreNotFoundOnGetAndEmptyOnRead() {
    assertThatThrownBy(() -> store.get("no/such/key"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'no/such/key'")
        .hasMessageContaining(store.location());
    assertThatThrownBy(() -> store.get("no/such/key", 0, 10)).isInstanceOf(NotFoundException.class);
    assertThat(store.read("no/such/key")).isEmpty();
  }

  @Test
  void rangedGetReturnsTheRequestedBytesAndFewerAtTheEnd() {
    store.put("r", bytes("0123456789"), Condition.none());

    assertThat(text(store.get("r", 2, 3))).isEqualTo("234");
    assertThat(text(store.get("r", 8, 10))).isEqualTo("89");
    assertThat(text(store.get("r", 0, 10))).isEqualTo("0123456789");
  }

  @Test
  void listReturnsKeysUnderThePrefixInLexicographicOrder() {
    for (String key : List.of("b", "a/2", "a/10", "a-c", "a/1", "ab/x")) {
      store.put(key, bytes(key), Condition.none());
    }

    assertThat(keys(store.list(""))).containsExactly("a-c", "a/1", "a/10", "a/2", "ab/x", "b");
    assertThat(keys(store.list("a/"))).containsExactly("a/1", "a/10", "a/2");
    assertThat(keys(store.list("a/1"))).containsExactly("a/1", "a/10");
    assertThat(keys(store.list("nothing/"))).isEmpty();
    try (Stream<ObjectInfo> listed = store.list("a-")) {
      assertThat(listed.findFirst().orElseThrow().size()).isEqualTo(3);
    }
  }

  @Test
  void aSmallStreamingWriteIsVisibleOnlyAfterCommit() throws IOException {
    StoredObject stored;
    try (ObjectWriter writer = store.openWriter("w/small")) {
      writer.write(bytes("streamed"));
      assertThat(store.stat("w/small")).isEmpty();
      assertThat(keys(store.list("w/"))).isEmpty();
      stored = writer.commit();
    }

    assertThat(stored.size()).isEqualTo(8);
    assertThat(text(store.get("w/small"))).isEqualTo("streamed");
    assertThat(store.listIncompleteUploads("w/")).isEmpty();
  }

  @Test
  void aLargeStreamingWriteSpanningSeveralPartsReadsBackIdentically() throws IOException {
    byte[] data = randomBytes(12 * 1024 * 1024 + 123);
    StoredObject stored;
    try (ObjectWriter writer = store.openWriter("w/large.bin")) {
      for (int off = 0; off < data.length; off += 100_000) {
        writer.write(data, off, Math.min(100_000, data.length - off));
      }
      stored = writer.commit();
    }

    assertThat(stored.size()).isEqualTo(data.length);
    try (InputStream in = store.get("w/large.bin")) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    assertThat(store.stat("w/large.bin").orElseThrow().size()).isEqualTo(data.length);
    assertThat(store.listIncompleteUploads("w/")).isEmpty();
  }

  @Test
  void closingAWriterWithoutCommitLeavesNothingBehind() throws IOException {
    try (ObjectWriter writer = store.openWriter("w/discarded")) {
      writer.write(randomBytes(PART_SIZE + 1024));
    }

    assertThat(store.stat("w/discarded")).isEmpty();
    assertThat(keys(store.list(""))).isEmpty();
    assertThat(store.listIncompleteUploads("")).isEmpty();
  }

  @Test
  void anIncompleteUploadIsListedAndCanBeAborted() throws IOException {
    try (ObjectWriter writer = store.openWriter("data/x/part.bin")) {
      writer.write(randomBytes(PART_SIZE + 1024));

      List<IncompleteUpload> uploads = store.listIncompleteUploads("data/");
      assertThat(uploads).extracting(IncompleteUpload::key).containsExactly("data/x/part.bin");
      assertThat(uploads.get(0).initiated()).isNotNull();
      assertThat(store.listIncompleteUploads("catalog/")).isEmpty();

      store.abortUpload(uploads.get(0));
      store.abortUpload(uploads.get(0));
      assertThat(store.listIncompleteUploads("data/")).isEmpty();
    }
    assertThat(keys(store.list(""))).isEmpty();
  }

  @Test
  void ofEightThreadsRacingToPutIfAbsentExactlyOneWins() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Optional<String>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        byte[] content = bytes("writer-" + i);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.put("claims/slot", content, Condition.ifAbsent());
                }));
      }
      start.countDown();
      List<String> winners = new ArrayList<>();
      for (Future<Optional<String>> result : results) {
        result.get().ifPresent(winners::add);
      }

      assertThat(winners).hasSize(1);
      assertThat(store.read("claims/slot").orElseThrow().etag()).isEqualTo(winners.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void putIfAbsentFailsWhenTheKeyExists() {
    assertThat(store.put("k", bytes("one"), Condition.ifAbsent())).isPresent();
    assertThat(store.put("k", bytes("two"), Condition.ifAbsent())).isEmpty();
    assertThat(text(store.get("k"))).isEqualTo("one");
  }

  @Test
  void ifMatchWithTheCurrentEtagReplacesAndWithAStaleEtagDoesNot() {
    String first = store.put("lease", bytes("v1"), Condition.ifAbsent()).orElseThrow();
    String second = store.put("lease", bytes("v2"), Condition.ifMatch(first)).orElseThrow();

    assertThat(store.put("lease", bytes("v3"), Condition.ifMatch(first))).isEmpty();
    assertThat(store.read("lease").orElseThrow().etag()).isEqualTo(second);
    assertThat(text(store.get("lease"))).isEqualTo("v2");
    assertThat(store.put("absent", bytes("x"), Condition.ifMatch(first))).isEmpty();
    assertThat(store.stat("absent")).isEmpty();
  }

  @Test
  void deleteIfMatchDeletesOnlyWithTheCurrentEtag() {
    String stale = store.put("lease", bytes("v1"), Condition.none()).orElseThrow();
    String current = store.put("lease", bytes("v2"), Condition.none()).orElseThrow();

    assertThat(store.deleteIfMatch("lease", stale)).isFalse();
    assertThat(store.stat("lease")).isPresent();
    assertThat(store.deleteIfMatch("lease", current)).isTrue();
    assertThat(store.stat("lease")).isEmpty();
    assertThat(store.deleteIfMatch("lease", current)).isFalse();
  }

  @Test
  void deletingFifteenHundredKeysInOneCallRemovesThemAll() throws Exception {
    List<String> keys =
        IntStream.range(0, 1500).mapToObj(i -> String.format("many/%04d", i)).toList();
    putAll(keys);
    assertThat(keys(store.list("many/"))).containsExactlyElementsOf(keys);

    DeleteResult result = store.delete(keys);

    assertThat(result.deleted()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(result.refused()).isEmpty();
    assertThat(keys(store.list(""))).isEmpty();
  }

  @Test
  void deletingAbsentKeysSucceeds() {
    DeleteResult result = store.delete(List.of("gone/1", "gone/2"));

    assertThat(result.deleted()).containsExactlyInAnyOrder("gone/1", "gone/2");
    assertThat(result.refused()).isEmpty();
  }

  @ParameterizedTest(name = "rejects the key ''{0}''")
  @ValueSource(strings = {"", "/etc/passwd", "a/../b", "..", "a/.hidden", "a//b", "dir/"})
  void keysThatCouldEscapeTheLocationAreRejected(String key) {
    assertThatThrownBy(() -> store.put(key, bytes("x"), Condition.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + key + "'");
  }

  private void putAll(List<String> keys) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (String key : keys) {
        puts.add(pool.submit(() -> store.put(key, bytes(key), Condition.none())));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  protected static String text(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  protected static List<String> keys(Stream<ObjectInfo> listing) {
    try (listing) {
      return listing.map(ObjectInfo::key).toList();
    }
  }

  protected static byte[] randomBytes(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }
}
