package io.lifeboat.store;

import io.lifeboat.error.LifeboatException;
import io.lifeboat.error.LocationUnavailableException;
import java.io.IOException;

/**
 * What an IOException on the way into an {@link ObjectWriter} means: a Lifeboat failure carried
 * inside it (the store said why) is rethrown as it is; anything else is the location failing.
 */
public final class WriteFailures {
  private WriteFailures() {}

  public static RuntimeException of(String what, IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LifeboatException lifeboat) {
        return lifeboat;
      }
    }
    return new LocationUnavailableException(what + " failed: " + reason(failure), failure);
  }

  /**
   * What the operating system said, in its words and without Java's class names: {@code permission
   * denied: /backups/x}, {@code no space left on device: /backups/x}.
   */
  public static String reason(IOException failure) {
    if (failure instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (failure instanceof java.nio.file.NoSuchFileException missing) {
      return "no such file or directory: " + missing.getFile();
    }
    if (failure instanceof java.nio.file.FileAlreadyExistsException exists) {
      return "already exists: " + exists.getFile();
    }
    if (failure instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT) + ": " + fs.getFile();
    }
    return String.valueOf(failure.getMessage());
  }
}
