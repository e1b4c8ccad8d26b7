package io.lifeboat.store.file;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.error.NotFoundException;
import io.lifeboat.store.Condition;
import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.IncompleteUpload;
import io.lifeboat.store.ObjectInfo;
import io.lifeboat.store.ObjectKeys;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectWriter;
import io.lifeboat.store.VersionedObject;
import io.lifeboat.store.WriteFailures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code file:///path} store: one file per key under a root directory.
 *
 * <p>The root must exist: like restic's local backend, only {@code lifeboat repo init} creates it
 * (through {@link #createRoot(Path)}), so a typo or an unmounted volume fails fast with {@link
 * LocationUnavailableException} instead of silently writing backups into the container's own disk.
 *
 * <p>Etags are the lowercase hex SHA-256 of the content; {@link #list} and {@link #stat} leave them
 * null (hashing costs a full read). Put-if-absent links a synced temp file into place (link(2)
 * fails atomically when the target exists). If-Match writes and deletes compare the etag under a
 * per-key {@link KeyLock}; unconditional writes and deletes do not take it.
 */
public final class FileObjectStore implements ObjectStore {
  private final Path root;
  private final String location;
  private final FileTree tree;

  /** Opens an existing root directory. */
  public FileObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.location = "file://" + this.root + (this.root.toString().endsWith("/") ? "" : "/");
    this.tree = new FileTree(this.root);
    if (!Files.isDirectory(this.root)) {
      throw new LocationUnavailableException(
          "directory "
              + this.root
              + " does not exist or is no directory (file locations are created by"
              + " 'lifeboat repo init'; is the volume mounted?)");
    }
  }

  /** Creates the root directory (and missing parents) for {@code repo init}, then opens it. */
  public static FileObjectStore createRoot(Path root) {
    try {
      OwnerOnly.createDirectories(root);
    } catch (IOException e) {
      throw new LocationUnavailableException(
          "cannot create directory " + root + ": " + WriteFailures.reason(e), e);
    }
    return new FileObjectStore(root);
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public ObjectWriter openWriter(String key) {
    Path target = resolve(key);
    try {
      return new FileObjectWriter(key, target, location);
    } catch (IOException e) {
      throw unavailable("write", key, e);
    }
  }

  @Override
  public Optional<String> put(String key, byte[] content, Condition condition) {
    Path target = resolve(key);
    String etag = ContentHash.of(content);
    Path temp = null;
    try {
      temp = writeSynced(target, content);
      boolean written;
      if (condition instanceof Condition.IfAbsent) {
        written = linkIntoPlace(temp, target);
      } else if (condition instanceof Condition.IfMatch match) {
        written = replaceIfMatch(temp, target, match.etag());
      } else {
        written = moveIntoPlace(temp, target);
      }
      return written ? Optional.of(etag) : Optional.empty();
    } catch (IOException e) {
      throw unavailable("write", key, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public InputStream get(String key) {
    return get(key, 0, Long.MAX_VALUE);
  }

  @Override
  public InputStream get(String key, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "range of '" + key + "' must not be negative, was " + offset + "+" + length);
    }
    Path file = resolve(key);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(offset);
      return new BoundedInputStream(Channels.newInputStream(channel), length);
    } catch (NoSuchFileException e) {
      throw new NotFoundException("object '" + key + "' not found under " + location, e);
    } catch (IOException e) {
      throw unavailable("read", key, e);
    }
  }

  @Override
  public Optional<VersionedObject> read(String key) {
    Path file = resolve(key);
    try {
      byte[] content = Files.readAllBytes(file);
      return Optional.of(new VersionedObject(content, ContentHash.of(content)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("read", key, e);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(String key) {
    Path file = resolve(key);
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(
          new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant(), null));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("stat", key, e);
    }
  }

  @Override
  public Stream<ObjectInfo> list(String prefix) {
    ObjectKeys.requireValidPrefix(prefix);
    try {
      return tree.objects(prefix).stream();
    } catch (IOException e) {
      throw unavailable("list", prefix, e);
    }
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    List<String> deleted = new ArrayList<>(keys.size());
    for (String key : keys) {
      Path file = resolve(key);
      try {
        Files.deleteIfExists(file);
        removeEmptyParents(file);
      } catch (IOException e) {
        throw unavailable("delete", key, e);
      }
      deleted.add(key);
    }
    return new DeleteResult(deleted, Map.of());
  }

  @Override
  public boolean deleteIfMatch(String key, String etag) {
    Path file = resolve(key);
    try {
      if (!Files.isDirectory(file.getParent())) {
        return false;
      }
      try (KeyLock lock = KeyLock.acquire(file)) {
        if (!etagMatches(file, etag)) {
          return false;
        }
        Files.delete(file);
        TempFiles.syncDirectory(file.getParent());
        return true;
      }
    } catch (IOException e) {
      throw unavailable("delete", key, e);
    }
  }

  @Override
  public List<IncompleteUpload> listIncompleteUploads(String prefix) {
    ObjectKeys.requireValidPrefix(prefix);
    try {
      return tree.temps(prefix);
    } catch (IOException e) {
      throw unavailable("list incomplete uploads", prefix, e);
    }
  }

  @Override
  public void abortUpload(IncompleteUpload upload) {
    Path target = resolve(upload.key());
    String name = upload.uploadId();
    if (!target.getFileName().toString().equals(TempFiles.targetName(name))) {
      throw new IllegalArgumentException(
          "'" + name + "' is no temp file of '" + upload.key() + "' under " + location);
    }
    try {
      Files.deleteIfExists(target.resolveSibling(name));
    } catch (IOException e) {
      throw unavailable("abort upload of", upload.key(), e);
    }
  }

  @Override
  public void close() {}

  private Path resolve(String key) {
    return root.resolve(ObjectKeys.requireValid(key));
  }

  private static Path writeSynced(Path target, byte[] content) throws IOException {
    Path temp = TempFiles.create(target);
    try (FileChannel channel = TempFiles.openForWrite(temp)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    return temp;
  }

  private static boolean moveIntoPlace(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    TempFiles.syncDirectory(target.getParent());
    return true;
  }

  private static boolean linkIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    TempFiles.syncDirectory(target.getParent());
    return true;
  }

  private static boolean replaceIfMatch(Path temp, Path target, String etag) throws IOException {
    try (KeyLock lock = KeyLock.acquire(target)) {
      return etagMatches(target, etag) && moveIntoPlace(temp, target);
    }
  }

  private static boolean etagMatches(Path file, String etag) throws IOException {
    try {
      return ContentHash.of(file).equals(etag);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Keeps deleted backups from leaving empty directories behind; stops at the first non-empty. */
  private void removeEmptyParents(Path file) throws IOException {
    for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // A leftover temp file is listed as an incomplete upload and pruned later.
      }
    }
  }

  private LocationUnavailableException unavailable(String action, String key, IOException e) {
    return new LocationUnavailableException(
        "cannot " + action + " '" + key + "' under " + location + ": " + e, e);
  }
}
