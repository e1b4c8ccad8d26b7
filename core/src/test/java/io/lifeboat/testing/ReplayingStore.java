package io.lifeboat.testing;

import io.lifeboat.store.Condition;
import io.lifeboat.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loses the reply of the first conditional write that {@code matches}, the way the AWS SDK sees a
 * dropped connection: the write is done, and the call is sent again (the SDK's retry), whose answer
 * is the one returned. So the caller sees a 412 for its own successful write, as on S3.
 */
public final class ReplayingStore extends ForwardingStore {
  /** Which write to lose the reply of: its key, condition (null for a delete) and content. */
  @FunctionalInterface
  public interface Match {
    boolean test(String key, Condition condition, String content);
  }

  private final Match matches;
  private final AtomicBoolean replayed = new AtomicBoolean();

  public ReplayingStore(ObjectStore delegate, Match matches) {
    super(delegate);
    this.matches = matches;
  }

  /** True once a reply was lost (a test can prove its fault was injected). */
  public boolean replayed() {
    return replayed.get();
  }

  @Override
  public Optional<String> put(String key, byte[] content, Condition condition) {
    Optional<String> first = delegate.put(key, content, condition);
    if (!(condition instanceof Condition.None)
        && matches.test(key, condition, new String(content, StandardCharsets.UTF_8))
        && replayed.compareAndSet(false, true)) {
      return delegate.put(key, content, condition);
    }
    return first;
  }

  @Override
  public boolean deleteIfMatch(String key, String etag) {
    boolean first = delegate.deleteIfMatch(key, etag);
    if (matches.test(key, null, "") && replayed.compareAndSet(false, true)) {
      return delegate.deleteIfMatch(key, etag);
    }
    return first;
  }
}
