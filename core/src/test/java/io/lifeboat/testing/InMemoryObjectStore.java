package io.lifeboat.testing;

import io.lifeboat.error.NotFoundException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.IncompleteUpload;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectKeys;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.VersionedObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** An object store in memory, for unit tests of code above the store port. Thread-safe. */
public class InMemoryObjectStore implements ObjectStore {
  private record Entry(byte[] content, String etag, Instant modified) {}

  private final TreeMap<String, Entry> objects = new TreeMap<>();
  private final Map<String, IncompleteUpload> uploads = new TreeMap<>();
  private final Clock clock;

  public InMemoryObjectStore(Clock clock) {
    this.clock = clock;
  }

  public InMemoryObjectStore() {
    this(Clock.systemUTC());
  }

  @Override
  public String location() {
    return "mem://test/";
  }

  public synchronized List<String> keys() {
    return new ArrayList<>(objects.keySet());
  }

  /** Replaces stored bytes behind the store's back, as bit rot or tampering would. */
  public synchronized void corrupt(String key, byte[] content) {
    objects.put(key, new Entry(content, etag(content), clock.instant()));
  }

  /** Sets the time the store says it wrote {@code key}, as an object written then would carry. */
  public synchronized void setLastModified(String key, Instant when) {
    Entry e = objects.get(key);
    if (e == null) {
      throw new NotFoundException("object '" + key + "' not found under " + location());
    }
    objects.put(key, new Entry(e.content(), e.etag(), when));
  }

  public synchronized byte[] bytes(String key) {
    Entry e = objects.get(key);
    if (e == null) {
      throw new NotFoundException("object '" + key + "' not found under " + location());
    }
    return e.content();
  }

  @Override
  public ObjectWriter openWriter(String key) {
    ObjectKeys.requireValid(key);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    IncompleteUpload upload =
        new IncompleteUpload(key, "mem-" + System.nanoTime(), clock.instant());
    synchronized (this) {
      uploads.put(upload.uploadId(), upload);
    }
    return new ObjectWriter(key) {
      @Override
      protected void append(byte[] b, int off, int len) {
        buffer.write(b, off, len);
      }

      @Override
      protected void publish() {
        synchronized (InMemoryObjectStore.this) {
          uploads.remove(upload.uploadId());
          byte[] content = buffer.toByteArray();
          objects.put(key, new Entry(content, etag(content), clock.instant()));
        }
      }

      @Override
      protected void discard() {
        synchronized (InMemoryObjectStore.this) {
          uploads.remove(upload.uploadId());
        }
      }
    };
  }

  @Override
  public synchronized Optional<String> put(String key, byte[] content, Condition condition) {
    ObjectKeys.requireValid(key);
    Entry current = objects.get(key);
    boolean holds =
        condition instanceof Condition.IfAbsent
            ? current == null
            : !(condition instanceof Condition.IfMatch match)
                || (current != null && current.etag().equals(match.etag()));
    if (!holds) {
      return Optional.empty();
    }
    byte[] copy = Arrays.copyOf(content, content.length);
    Entry entry = new Entry(copy, etag(copy), clock.instant());
    objects.put(key, entry);
    return Optional.of(entry.etag());
  }

  @Override
  public synchronized InputStream get(String key) {
    return new ByteArrayInputStream(bytes(key));
  }

  @Override
  public synchronized InputStream get(String key, long offset, long length) {
    byte[] all = bytes(key);
    int from = (int) Math.min(offset, all.length);
    int to = (int) Math.min(all.length, offset + length);
    return new ByteArrayInputStream(Arrays.copyOfRange(all, from, to));
  }

  @Override
  public synchronized Optional<VersionedObject> read(String key) {
    return Optional.ofNullable(objects.get(key))
        .map(e -> new VersionedObject(e.content(), e.etag()));
  }

  @Override
  public synchronized Optional<ObjectInfo> stat(String key) {
    return Optional.ofNullable(objects.get(key))
        .map(e -> new ObjectInfo(key, e.content().length, e.modified(), e.etag()));
  }

  @Override
  public synchronized Stream<ObjectInfo> list(String prefix) {
    List<ObjectInfo> infos = new ArrayList<>();
    objects.tailMap(prefix, true).entrySet().stream()
        .takeWhile(e -> e.getKey().startsWith(prefix))
        .forEach(
            e ->
                infos.add(
                    new ObjectInfo(
                        e.getKey(),
                        e.getValue().content().length,
                        e.getValue().modified(),
                        e.getValue().etag())));
    return infos.stream();
  }

  @Override
  public synchronized DeleteResult delete(Collection<String> keys) {
    keys.forEach(objects::remove);
    return new DeleteResult(List.copyOf(keys), Map.of());
  }

  @Override
  public synchronized boolean deleteIfMatch(String key, String etag) {
    Entry current = objects.get(key);
    if (current == null || !current.etag().equals(etag)) {
      return false;
    }
    objects.remove(key);
    return true;
  }

  @Override
  public synchronized List<IncompleteUpload> listIncompleteUploads(String prefix) {
    return uploads.values().stream().filter(u -> u.key().startsWith(prefix)).toList();
  }

  @Override
  public synchronized void abortUpload(IncompleteUpload upload) {
    uploads.remove(upload.uploadId());
  }

  @Override
  public void close() {}

  private static String etag(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
