package io.lifeboat.etcd.delta;

/**
 * The facts of an {@code etcd-delta} backup, stored as the manifest's {@code source}.
 *
 * @param format the payload format ({@link DeltaFormat#FORMAT})
 * @param base the backup this delta continues: a full snapshot or the previous delta
 * @param baseKind {@code etcd} or {@code etcd-delta}
 * @param root the full snapshot the chain starts from
 * @param fromRevision the first revision the delta covers (the base's revision + 1)
 * @param toRevision the last revision it covers: etcd's revision when the run started; an empty
 *     delta has {@code toRevision == fromRevision - 1}
 * @param events events stored
 * @param chainLength deltas from the root to this one, this one included
 * @param chainBytes stored bytes of those deltas
 * @param clusterId etcd's cluster id (from response headers), so a chain never spans two clusters
 * @param member the endpoint the events were read from
 */
public record DeltaSource(
    String format,
    String base,
    String baseKind,
    String root,
    long fromRevision,
    long toRevision,
    long events,
    int chainLength,
    long chainBytes,
    String clusterId,
    String member) {

  /** True when the delta holds no event (etcd did not change since its base). */
  public boolean empty() {
    return toRevision < fromRevision;
  }
}
