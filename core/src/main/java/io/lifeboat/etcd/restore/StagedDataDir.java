package io.lifeboat.etcd.restore;

import io.lifeboat.error.InvalidConfigurationException;
import io.lifeboat.store.file.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data dir a restore fills, and the staging dir beside it that the tool actually writes. etcd
 * 3.4 refuses a data dir that exists even when empty, and a tool that fails half-way must not leave
 * a half-restored member where etcd would start from it; so the tool writes into staging, and only
 * a finished restore is moved into the data dir.
 */
final class StagedDataDir {
  private StagedDataDir() {}

  /** Refuses a data dir that exists and is not an empty directory (exit 2 naming it). */
  static void requireEmpty(Path dataDir) {
    if (!Files.exists(dataDir)) {
      return;
    }
    if (!Files.isDirectory(dataDir)) {
      throw new InvalidConfigurationException(
          "--data-dir " + dataDir + " exists and is not a directory");
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      if (entries.findAny().isPresent()) {
        throw new InvalidConfigurationException(
            "--data-dir "
                + dataDir
                + " is not empty: restore into a new directory, or move the old data away first"
                + " (with etcd stopped)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --data-dir " + dataDir, e);
    }
  }

  /** Moves everything the tool wrote in {@code staged} into {@code dataDir}. */
  static void promote(Path staged, Path dataDir) throws IOException {
    requireEmpty(dataDir);
    OwnerOnly.createDirectories(dataDir);
    OwnerOnly.restrictDirectory(dataDir);
    List<Path> children;
    try (Stream<Path> entries = Files.list(staged)) {
      children = entries.toList();
    }
    for (Path child : children) {
      Path target = dataDir.resolve(child.getFileName().toString());
      try {
        Files.move(child, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
        copyTree(child, target); // data dir on another file system (a mount point)
        deleteTree(child);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Deletes a tree; a missing one is fine. */
  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
