package io.lifeboat.etcd.delta;

import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.watch.WatchEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Writes {@link DeltaFormat} lines into a stream (the zstd/age encoder), one event at a time, and
 * counts the raw bytes and their SHA-256 for the manifest. Holds nothing but the current line.
 */
final class DeltaWriter {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private final DigestOutputStream out;
  private final Counting counting;
  private long events;
  private long lastRevision;

  DeltaWriter(OutputStream target) {
    this.counting = new Counting(target);
    try {
      this.out = new DigestOutputStream(counting, MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  void header(DeltaFormat.Header header) throws IOException {
    line(header);
  }

  void event(WatchEvent event) throws IOException {
    KeyValue kv = event.getKeyValue();
    boolean put = event.getEventType() == WatchEvent.EventType.PUT;
    long revision = kv.getModRevision();
    line(
        new DeltaFormat.Event(
            revision,
            put ? DeltaFormat.Event.PUT : DeltaFormat.Event.DELETE,
            BASE64.encodeToString(kv.getKey().getBytes()),
            put ? BASE64.encodeToString(kv.getValue().getBytes()) : null,
            kv.getCreateRevision(),
            revision,
            kv.getVersion(),
            kv.getLease(),
            previous(event.getPrevKV())));
    events++;
    lastRevision = revision;
  }

  void trailer() throws IOException {
    line(new DeltaFormat.Trailer(DeltaFormat.FORMAT, events, lastRevision));
    out.flush();
  }

  long events() {
    return events;
  }

  long rawSize() {
    return counting.count;
  }

  String rawSha256() {
    return HexFormat.of().formatHex(out.getMessageDigest().digest());
  }

  /** jetcd gives an empty key-value (not null) when the key had none before the event. */
  private static DeltaFormat.KeyValue previous(KeyValue kv) {
    if (kv == null || kv.getKey().isEmpty()) {
      return null;
    }
    return new DeltaFormat.KeyValue(
        BASE64.encodeToString(kv.getKey().getBytes()),
        BASE64.encodeToString(kv.getValue().getBytes()),
        kv.getCreateRevision(),
        kv.getModRevision(),
        kv.getVersion(),
        kv.getLease());
  }

  private void line(Object value) throws IOException {
    out.write(DeltaFormat.LINE.writeValueAsBytes(value));
    out.write('\n');
  }

  private static final class Counting extends java.io.FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
