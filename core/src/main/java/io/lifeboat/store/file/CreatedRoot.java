package io.lifeboat.store.file;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.WriteFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The topmost directory {@link FileObjectStore#createRoot} had to create. When that store closes
 * without an object in it (a {@code repo init} whose probe or descriptor write failed), the tree is
 * removed again: only the store's own dot-files (locks, temp files) and empty directories can be in
 * it then, and a retry of init should find the location as the user left it.
 */
record CreatedRoot(Path topmost) {

  /** Creates {@code root} and its missing parents; null topmost when it existed already. */
  static CreatedRoot create(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    Path topmost = null;
    for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
      topmost = p;
    }
    try {
      OwnerOnly.createDirectories(absolute);
    } catch (IOException e) {
      throw new LocationUnavailableException(
          "cannot create directory " + root + ": " + WriteFailures.reason(e), e);
    }
    return new CreatedRoot(topmost);
  }

  void removeIfHoldingNoObject(Path root) {
    if (topmost == null || !Files.isDirectory(topmost) || holdsObject(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(topmost)) {
      List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: what is left is empty directories and lock files, no data.
    }
  }

  /** True when anything but the store's dot-files and directories lies under the tree. */
  private boolean holdsObject(Path root) {
    try (Stream<Path> all = Files.walk(topmost)) {
      return all.anyMatch(
          p ->
              Files.isRegularFile(p) && !hidden(root, p)
                  || outside(root, p) && !isDirOnPath(root, p));
    } catch (IOException | UncheckedIOException e) {
      return true;
    }
  }

  private static boolean hidden(Path root, Path file) {
    if (!file.startsWith(root)) {
      return false;
    }
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean outside(Path root, Path p) {
    return !p.startsWith(root);
  }

  /** The parents between topmost and root are ours (created with it). */
  private static boolean isDirOnPath(Path root, Path p) {
    return root.startsWith(p);
  }
}
