/**
 * Incremental etcd backups (issue 17): a delta run stores every event between the revision its base
 * covers and the revision current when it started, as one {@code events.jsonl} object (zstd, age),
 * with a catalog entry of kind {@code etcd-delta} naming its base and the exact range.
 *
 * <p>The stored format is owned by {@link io.lifeboat.etcd.delta.DeltaFormat}: JSON lines, a header
 * naming the scope, base and range, one line per event (type, key and value in base64, create and
 * mod revision, version, lease, and the previous key-value), and a trailer with the event count, so
 * a person can replay a delta with {@code zstd -d | age -d | jq} and {@code etcdctl}.
 *
 * <p>What it must never do: build on an entry that does not validate, skip revisions silently (a
 * compacted start or a missing base takes a full snapshot or fails, by {@code
 * lifeboat.etcd.delta.on-gap}, and says why), or hold a whole delta in memory.
 */
package io.lifeboat.etcd.delta;
