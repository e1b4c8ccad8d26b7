package io.lifeboat.store.file;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold cluster data (snapshots, archives, stored objects, spool files, restored data
 * dirs) are created readable by their owner only: 0600 files in 0700 directories, as etcdctl and
 * etcd itself expect. Created so from the start (no window at the umask's 0644); directories that
 * already exist are left as they are. On a file system without POSIX permissions this does nothing.
 */
public final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** The attribute to create a file with ({@code Files.createFile}, {@code FileChannel.open}). */
  public static FileAttribute<?>[] file() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /** {@code Files.createDirectories}, each directory it creates 0700. */
  public static Path createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return dir;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(
          absolute,
          POSIX
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)}
              : new FileAttribute<?>[0]);
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      if (!Files.isDirectory(absolute)) {
        throw raced;
      }
    }
    return dir;
  }

  /** Makes {@code dir} itself 0700 (a restored data dir: etcd warns at boot otherwise). */
  public static void restrictDirectory(Path dir) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(dir, DIRECTORY);
    }
  }
}
