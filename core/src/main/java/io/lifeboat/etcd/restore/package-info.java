/**
 * Getting an etcd snapshot back out of the repository: download (every stored byte checked against
 * the manifest, decrypted, decompressed, the snapshot's own SHA-256 checked), restore into a data
 * dir with the operator's {@code etcdutl}/{@code etcdctl}, and the restore drill that proves a
 * backup boots.
 *
 * <p>It lives under {@code etcd} rather than a shared {@code restore} package because it owns
 * nothing but the etcd snapshot format and tools; namespace restores share no code with it.
 *
 * <p>It must never write a partial file where the operator asked for a result: downloads go to
 * {@code <file>.part} and are renamed only after every check passed, and restores run in a staging
 * directory beside the data dir and are moved into it only when the tool succeeded. It never writes
 * a backup; its only writes to the repository are the restore lease and the restore report.
 */
package io.lifeboat.etcd.restore;
