package io.lifeboat.etcd.delta;

import com.fasterxml.jackson.databind.JsonNode;
import io.lifeboat.error.IntegrityException;
import io.lifeboat.repository.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a decoded {@code events.jsonl} ({@link DeltaFormat}) and hands over the events one revision
 * (one etcd transaction) at a time, checking as it goes what the manifest promises: the header
 * names the expected base and range, revisions rise and lie in the range, no line is longer than
 * {@link DeltaFormat#MAX_LINE_BYTES}, and the trailer's count matches. Memory is one revision's
 * events.
 */
public final class DeltaReader {
  private final InputStream in;
  private final String name;
  private final DeltaSource expected;

  /**
   * @param name the object's key, for messages
   */
  public DeltaReader(InputStream in, String name, DeltaSource expected) {
    this.in = new java.io.BufferedInputStream(in, 64 * 1024);
    this.name = name;
    this.expected = expected;
  }

  /** Calls {@code revision} with each revision's events, in order; returns the event count. */
  public long read(Consumer<List<DeltaFormat.Event>> revision) throws IOException {
    DeltaFormat.Header header = parse(line(), DeltaFormat.Header.class, "header");
    if (header == null
        || !DeltaFormat.FORMAT.equals(header.format())
        || !expected.base().equals(header.base())
        || header.fromRevision() != expected.fromRevision()
        || header.toRevision() != expected.toRevision()) {
      throw broken("its header does not name the base and range of its manifest");
    }
    List<DeltaFormat.Event> group = new ArrayList<>();
    long count = 0;
    long last = expected.fromRevision() - 1;
    for (byte[] line = line(); ; line = line()) {
      if (line == null) {
        throw broken("it ends without a trailer (truncated)");
      }
      JsonNode node = tree(line);
      if (node.has("end")) {
        DeltaFormat.Trailer trailer = Json.convert(node, DeltaFormat.Trailer.class);
        if (trailer.events() != count || count != expected.events() || line() != null) {
          throw broken("its trailer or count does not match its events and manifest");
        }
        flush(group, revision);
        return count;
      }
      DeltaFormat.Event event = Json.convert(node, DeltaFormat.Event.class);
      check(event, last);
      if (!group.isEmpty() && group.get(0).revision() != event.revision()) {
        flush(group, revision);
      }
      group.add(event);
      last = event.revision();
      count++;
    }
  }

  private void check(DeltaFormat.Event event, long last) {
    if (!DeltaFormat.Event.PUT.equals(event.type())
            && !DeltaFormat.Event.DELETE.equals(event.type())
        || event.key() == null
        || event.put() && event.value() == null) {
      throw broken("an event is neither a PUT with a value nor a DELETE of a key");
    }
    if (event.revision() < last
        || event.revision() < expected.fromRevision()
        || event.revision() > expected.toRevision()) {
      throw broken("revision " + event.revision() + " is out of order or outside its range");
    }
  }

  private static void flush(List<DeltaFormat.Event> group, Consumer<List<DeltaFormat.Event>> to) {
    if (!group.isEmpty()) {
      to.accept(List.copyOf(group));
      group.clear();
    }
  }

  /** One line without its newline; null at the end. Refuses a line over the limit unbuffered. */
  private byte[] line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toByteArray();
      }
      if (b == '\n') {
        return line.toByteArray();
      }
      if (line.size() >= DeltaFormat.MAX_LINE_BYTES) {
        throw broken("a line is longer than " + DeltaFormat.MAX_LINE_BYTES + " bytes");
      }
      line.write(b);
    }
  }

  private JsonNode tree(byte[] line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw broken("a line is not JSON");
    }
  }

  private <T> T parse(byte[] line, Class<T> type, String what) {
    if (line == null) {
      throw broken("it is empty");
    }
    try {
      return Json.MAPPER.readValue(line, type);
    } catch (IOException e) {
      throw broken("its " + what + " is not JSON");
    }
  }

  private IntegrityException broken(String why) {
    return new IntegrityException("delta '" + name + "' is not valid: " + why);
  }
}
