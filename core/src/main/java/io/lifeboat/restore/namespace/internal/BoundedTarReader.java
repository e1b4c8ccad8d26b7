package io.lifeboat.restore.namespace.internal;

import io.lifeboat.error.IntegrityException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tar reader that never holds more than one 512-byte record plus one bounded header in memory.
 * commons-compress reads a GNU long name or a pax header entry whole into memory (a 46 KB zstd
 * stream can declare a 1 GiB one); here such headers are refused past {@link #MAX_HEADER_SIZE}, and
 * entry data is only ever streamed or skipped. It reads what {@code ArchiveWriter} writes (ustar
 * with pax {@code path}/{@code size} records) and skips every other entry type.
 */
final class BoundedTarReader {
  /** Longest pax or GNU long-name header accepted: paths are at most a few hundred bytes. */
  static final int MAX_HEADER_SIZE = 64 * 1024;

  private static final int RECORD = 512;

  private final InputStream in;
  private final String source;
  private final byte[] header = new byte[RECORD];
  private long remaining;
  private long padding;

  /** One entry: its path, type flag and size; its data is read with {@link #data()}. */
  record Entry(String path, char type, long size) {
    boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }
  }

  BoundedTarReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The next file or directory entry (data of the previous one skipped), or null at the end. */
  Entry next() throws IOException {
    skipRest();
    String longPath = null;
    Long paxSize = null;
    while (true) {
      if (!readRecord()) {
        return null;
      }
      char type = (char) header[156];
      long size = size();
      if (type == 'x' || type == 'g' || type == 'L') {
        byte[] body = headerBody(size, type);
        if (type == 'x') {
          Pax pax = Pax.parse(body, source);
          longPath = pax.path() != null ? pax.path() : longPath;
          paxSize = pax.size() != null ? pax.size() : paxSize;
        } else if (type == 'L') {
          longPath = new String(body, StandardCharsets.UTF_8).replaceAll("\0+$", "");
        }
        continue;
      }
      long entrySize = paxSize != null ? paxSize : size;
      String path = longPath != null ? longPath : ustarPath();
      start(entrySize);
      return new Entry(path, type, entrySize);
    }
  }

  /** The current entry's data, never more than its declared size; closing it does nothing. */
  InputStream data() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
          return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
          throw truncated();
        }
        remaining -= n;
        return n;
      }
    };
  }

  private void start(long size) {
    remaining = size;
    padding = (RECORD - size % RECORD) % RECORD;
  }

  private void skipRest() throws IOException {
    discard(remaining + padding);
    remaining = 0;
    padding = 0;
  }

  private byte[] headerBody(long size, char type) throws IOException {
    if (size > MAX_HEADER_SIZE) {
      throw new IntegrityException(
          "'"
              + source
              + "' has a tar header entry (type "
              + type
              + ") of "
              + size
              + " bytes; at most "
              + MAX_HEADER_SIZE
              + " are read: not an export archive");
    }
    byte[] body = in.readNBytes((int) size);
    if (body.length < size) {
      throw truncated();
    }
    discard((RECORD - size % RECORD) % RECORD);
    return body;
  }

  /** False at the end-of-archive (a zero record) or a clean end of stream. */
  private boolean readRecord() throws IOException {
    int n = in.readNBytes(header, 0, RECORD);
    if (n == 0) {
      return false;
    }
    if (n < RECORD) {
      throw truncated();
    }
    boolean zero = true;
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < RECORD; i++) {
      zero &= header[i] == 0;
      unsigned += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
      signed += (i >= 148 && i < 156) ? ' ' : header[i];
    }
    if (zero) {
      return false;
    }
    long recorded = octal(148, 8);
    if (recorded != unsigned && recorded != signed) {
      throw new IntegrityException("'" + source + "' has a tar header with a bad checksum");
    }
    return true;
  }

  private String ustarPath() {
    String name = text(0, 100);
    boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? text(345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private long size() {
    if ((header[124] & 0x80) != 0) {
      long value = 0;
      for (int i = 125; i < 136; i++) {
        value = (value << 8) | (header[i] & 0xff);
      }
      if (value < 0 || (header[124] & 0x7f) != 0) {
        throw new IntegrityException("'" + source + "' has a tar entry with an invalid size");
      }
      return value;
    }
    return octal(124, 12);
  }

  private long octal(int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end && (header[i] == ' ' || header[i] == 0)) {
      i++;
    }
    long value = 0;
    for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
      if (header[i] < '0' || header[i] > '7') {
        throw new IntegrityException("'" + source + "' has a tar header with a bad number");
      }
      value = (value << 3) + (header[i] - '0');
    }
    return value;
  }

  private String text(int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private void discard(long n) throws IOException {
    byte[] buffer = new byte[8192];
    while (n > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
      if (read < 0) {
        throw truncated();
      }
      n -= read;
    }
  }

  private IOException truncated() {
    return new EOFException("'" + source + "' ends inside a tar entry");
  }

  /** The two pax records the export uses; others (mtime, ...) are ignored. */
  private record Pax(String path, Long size) {
    static Pax parse(byte[] body, String source) {
      String path = null;
      Long size = null;
      int at = 0;
      while (at < body.length) {
        int space = indexOf(body, (byte) ' ', at);
        int length;
        try {
          length = Integer.parseInt(new String(body, at, space - at, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
          throw new IntegrityException("'" + source + "' has a malformed pax header");
        }
        if (space < 0 || length <= space - at + 1 || at + length > body.length) {
          throw new IntegrityException("'" + source + "' has a malformed pax header");
        }
        String record =
            new String(body, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
        int equals = record.indexOf('=');
        String key = equals < 0 ? record : record.substring(0, equals);
        String value = equals < 0 ? "" : record.substring(equals + 1);
        if (key.equals("path")) {
          path = value;
        } else if (key.equals("size")) {
          try {
            size = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new IntegrityException("'" + source + "' has a pax size that is not a number");
          }
          if (size < 0) {
            throw new IntegrityException("'" + source + "' has a negative pax size");
          }
        }
        at += length;
      }
      return new Pax(path, size);
    }

    private static int indexOf(byte[] body, byte b, int from) {
      for (int i = from; i < body.length; i++) {
        if (body[i] == b) {
          return i;
        }
      }
      return -1;
    }
  }
}
