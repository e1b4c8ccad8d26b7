package io.lifeboat.export.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Streams the export archive: {@code metadata/version} first, then one entry per object as it
 * arrives, so memory holds one object at a time whatever the namespace's size. It does not close
 * the stream it writes to.
 */
public final class ArchiveWriter implements AutoCloseable {
  private static final int FILE_MODE = 0100644;

  private final TarArchiveOutputStream tar;
  private final Date modified;
  private long entries;

  /** Starts the archive and writes its version entry; {@code modified} stamps every entry. */
  public ArchiveWriter(OutputStream target, Instant modified) throws IOException {
    this.tar = new TarArchiveOutputStream(target, StandardCharsets.UTF_8.name());
    this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    this.tar.setAddPaxHeadersForNonAsciiNames(true);
    this.modified = Date.from(modified);
    write(
        ArchiveLayout.VERSION_PATH,
        (ArchiveLayout.FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** Writes one entry at {@code path} (built by {@link ArchiveLayout}). */
  public void write(String path, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setSize(content.length);
    entry.setMode(FILE_MODE);
    entry.setModTime(modified);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
    entries++;
  }

  /** Entries written so far, {@code metadata/version} included. */
  public long entries() {
    return entries;
  }

  /** Writes the end-of-archive blocks; the target stays open. */
  @Override
  public void close() throws IOException {
    tar.finish();
    tar.flush();
  }
}
