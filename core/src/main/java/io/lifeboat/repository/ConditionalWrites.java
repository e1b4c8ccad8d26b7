package io.lifeboat.repository;

import io.lifeboat.store.Condition;
import io.lifeboat.store.ConditionalConflictException;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.VersionedObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Conditional writes made idempotent, for every marker (claims, catalog entries, leases).
 *
 * <p>A lost reply makes the SDK retry, and the retry of our own successful {@code If-None-Match: *}
 * or {@code If-Match} write then gets 412. So a 412 is followed by a read: an object holding
 * exactly the bytes we wrote (they carry the run's random nonce, so nobody else writes them) is our
 * own success, and its etag is ours. A 409 {@code ConditionalRequestConflict} decides nothing and
 * is retried, {@value #ATTEMPTS} attempts in all with a doubling backoff from {@link
 * #FIRST_BACKOFF} (about 1.5 s), then it is a location failure (exit 5).
 */
final class ConditionalWrites {
  static final int ATTEMPTS = 6;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

  private final ObjectStore store;

  ConditionalWrites(ObjectStore store) {
    this.store = store;
  }

  /** Creates {@code key}; empty when another writer's object is there. */
  Optional<String> create(String key, byte[] content) {
    Optional<String> etag = retrying(() -> store.put(key, content, Condition.ifAbsent()));
    return etag.isPresent() ? etag : ours(key, content);
  }

  /** Replaces {@code key} if it still has {@code etag}; empty when someone else wrote meanwhile. */
  Optional<String> replace(String key, byte[] content, String etag) {
    Optional<String> written = retrying(() -> store.put(key, content, Condition.ifMatch(etag)));
    return written.isPresent() ? written : ours(key, content);
  }

  /** What {@code key} holds now (after a refused write: whose write won). */
  Optional<VersionedObject> read(String key) {
    return store.read(key);
  }

  /** Deletes {@code key} if it still has {@code etag}; gone already counts as done. */
  boolean delete(String key, String etag) {
    return retrying(() -> store.deleteIfMatch(key, etag));
  }

  private Optional<String> ours(String key, byte[] content) {
    return store
        .read(key)
        .filter(stored -> Arrays.equals(stored.content(), content))
        .map(VersionedObject::etag);
  }

  static <T> T retrying(Supplier<T> write) {
    long pause = FIRST_BACKOFF.toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (ConditionalConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        pause(pause);
        pause *= 2;
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a conditional write", e);
    }
  }
}
