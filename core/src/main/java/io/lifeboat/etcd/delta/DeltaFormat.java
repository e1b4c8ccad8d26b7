package io.lifeboat.etcd.delta;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lifeboat.repository.Json;

/**
 * The one owner of the delta payload, {@code events.jsonl}: UTF-8 JSON, one document per line.
 *
 * <pre>
 * {"format":"lifeboat-etcd-delta/1","scope":"prod","base":"20261130T1300Z-ab12","fromRevision":101,"toRevision":250}
 * {"revision":101,"type":"PUT","key":"L3JlZ2lzdHJ5L2E=","value":"dg==","createRevision":101,"modRevision":101,"version":1,"lease":0}
 * {"revision":102,"type":"DELETE","key":"L3JlZ2lzdHJ5L2E=","modRevision":102,"prevKv":{...}}
 * {"end":"lifeboat-etcd-delta/1","events":2,"lastRevision":102}
 * </pre>
 *
 * <p>Events are in revision order; the events of one revision are one etcd transaction. Keys and
 * values are base64 (standard alphabet). {@code prevKv} is the key's value before the event (absent
 * for a key created by it). The trailer's count detects a truncated object even without the
 * manifest. To replay by hand: for each revision above the snapshot's own, apply its PUTs and
 * DELETEs in one {@code etcdctl txn}.
 */
public final class DeltaFormat {
  public static final String FORMAT = "lifeboat-etcd-delta/1";
  public static final String PAYLOAD = "events.jsonl";

  /**
   * The longest line a reader accepts: etcd refuses requests over 1.5 MiB by default (and at most 2
   * GiB with {@code --max-request-bytes}; Kubernetes objects stay under 1.5 MiB), so a value and
   * its previous value in base64 fit in 16 MiB; a longer line is a forged or broken object, and is
   * refused before it is buffered.
   */
  public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  static final ObjectWriter LINE = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private DeltaFormat() {}

  /** The first line. */
  public record Header(
      String format, String scope, String base, long fromRevision, long toRevision) {}

  /** A key-value as etcd holds it; key and value in base64. */
  public record KeyValue(
      String key, String value, long createRevision, long modRevision, long version, long lease) {}

  /** One event line: {@code type} is {@code PUT} or {@code DELETE}. */
  public record Event(
      long revision,
      String type,
      String key,
      String value,
      long createRevision,
      long modRevision,
      long version,
      long lease,
      KeyValue prevKv) {
    public static final String PUT = "PUT";
    public static final String DELETE = "DELETE";

    public boolean put() {
      return PUT.equals(type);
    }
  }

  /** The last line. */
  public record Trailer(String end, long events, long lastRevision) {}
}
