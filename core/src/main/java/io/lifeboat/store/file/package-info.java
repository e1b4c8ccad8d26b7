/**
 * The {@code file:///path} object store: a local directory, a mounted PVC or an NFS share, with the
 * same layout and the same conditional-write protocol as S3.
 *
 * <p>Atomicity rests on three primitives. A committed write is a synced temp file ({@code
 * .<name>.tmp-<random>}, same directory) renamed over the target, then the directory is synced.
 * Put-if-absent hard-links the synced temp file to the target: link(2) fails atomically when the
 * target exists, which {@code Files.move} does not promise. If-Match writes and deletes hold a
 * per-key lock (an in-JVM lock plus a {@code FileChannel} lock on {@code .<name>.lock}) while they
 * compare the SHA-256 etag and rename or unlink.
 *
 * <p>NFS caveats: rename and link are atomic on local filesystems and generally on NFSv4 servers
 * (NFSv3 clients may retry a link whose reply was lost and report EEXIST for their own success).
 * {@code FileChannel} locks over NFS depend on the server's lock manager (NLM for v3, built into
 * v4); where locking is disabled or broken, two hosts may both pass an If-Match check. Use S3 when
 * many hosts write one repository. Dot-files are the store's own; keys never start a segment with
 * '.'.
 *
 * <p>This package must never create the root directory except for {@code repo init}, never list
 * dot-files as objects, and never leave a partly written file under an object's name.
 */
package io.lifeboat.store.file;
