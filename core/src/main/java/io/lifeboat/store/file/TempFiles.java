package io.lifeboat.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and durability of the file store's temp files: {@code .<name>.tmp-<random>} next to the
 * target, so a rename or link into place never crosses a filesystem.
 */
final class TempFiles {
  private static final Pattern TEMP_NAME = Pattern.compile("\\.(.+)\\.tmp-([0-9a-f]{16})");

  private TempFiles() {}

  /** Creates an empty temp file for {@code target}, creating its directory when needed. */
  static Path create(Path target) throws IOException {
    String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + random);
    for (int attempt = 1; ; attempt++) {
      OwnerOnly.createDirectories(target.getParent());
      try {
        return Files.createFile(temp, OwnerOnly.file());
      } catch (NoSuchFileException e) {
        // A concurrent delete removed the (empty) directory between the two calls: try again.
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** The target file name a temp file belongs to, or null when {@code name} is no temp file. */
  static String targetName(String name) {
    Matcher m = TEMP_NAME.matcher(name);
    return m.matches() ? m.group(1) : null;
  }

  static FileChannel openForWrite(Path temp) throws IOException {
    return FileChannel.open(temp, StandardOpenOption.WRITE);
  }

  /** Makes a rename, link or unlink in {@code dir} durable (best effort where unsupported). */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (UnsupportedOperationException e) {
      // Some platforms cannot open directories; their rename is as durable as it gets.
    }
  }
}
