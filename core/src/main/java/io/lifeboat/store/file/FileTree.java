package io.lifeboat.store.file;

import io.lifeboat.store.IncompleteUpload;
import io.lifeboat.store.ObjectInfo;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks the directory tree under a key prefix. Objects are regular files whose path segments do not
 * start with '.'; dot-files are the store's own temp and lock files.
 */
final class FileTree {
  private final Path root;

  FileTree(Path root) {
    this.root = root;
  }

  /** Objects whose key starts with {@code prefix}, sorted by key. Etags are left out. */
  List<ObjectInfo> objects(String prefix) throws IOException {
    List<ObjectInfo> found = new ArrayList<>();
    walk(
        prefix,
        (file, attributes) -> {
          String key = keyOf(file);
          if (!file.getFileName().toString().startsWith(".") && key.startsWith(prefix)) {
            found.add(
                new ObjectInfo(
                    key, attributes.size(), attributes.lastModifiedTime().toInstant(), null));
          }
        });
    found.sort(Comparator.comparing(ObjectInfo::key));
    return found;
  }

  /** Temp files of writes that were never committed or discarded, for targets under prefix. */
  List<IncompleteUpload> temps(String prefix) throws IOException {
    List<IncompleteUpload> found = new ArrayList<>();
    walk(
        prefix,
        (file, attributes) -> {
          String name = file.getFileName().toString();
          String target = TempFiles.targetName(name);
          if (target != null) {
            String key = keyOf(file.resolveSibling(target));
            if (key.startsWith(prefix)) {
              found.add(new IncompleteUpload(key, name, attributes.lastModifiedTime().toInstant()));
            }
          }
        });
    found.sort(
        Comparator.comparing(IncompleteUpload::key).thenComparing(IncompleteUpload::uploadId));
    return found;
  }

  String keyOf(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private interface FileVisitor {
    void visit(Path file, BasicFileAttributes attributes);
  }

  /** Visits regular files in the deepest directory that can hold keys starting with prefix. */
  private void walk(String prefix, FileVisitor visitor) throws IOException {
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return;
    }
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            boolean hidden = !dir.equals(start) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()) {
              visitor.visit(file, attributes);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // deleted while we walked
            }
            throw e;
          }
        });
  }
}
