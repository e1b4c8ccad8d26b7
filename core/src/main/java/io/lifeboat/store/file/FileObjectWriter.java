package io.lifeboat.store.file;

import io.lifeboat.error.LocationUnavailableException;
import io.lifeboat.store.ObjectWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Streams into a temp file next to the target; commit fsyncs and renames it into place. */
final class FileObjectWriter extends ObjectWriter {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final String location;

  FileObjectWriter(String key, Path target, String location) throws IOException {
    super(key);
    this.location = location;
    this.target = target;
    this.temp = TempFiles.create(target);
    FileChannel opened = null;
    try {
      opened = TempFiles.openForWrite(temp);
    } finally {
      if (opened == null) {
        Files.deleteIfExists(temp);
      }
    }
    this.channel = opened;
  }

  @Override
  protected void append(byte[] b, int off, int len) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  @Override
  protected void publish() {
    try {
      channel.force(true);
      channel.close();
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      TempFiles.syncDirectory(target.getParent());
    } catch (IOException e) {
      throw new LocationUnavailableException(
          "cannot write '" + key() + "' under " + location + ": " + e, e);
    }
  }

  @Override
  protected void discard() throws IOException {
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
