/**
 * The standard formats of stored payloads, so that a person can recover without Lifeboat.
 *
 * <p>A payload is compressed as zstd frames (with content checksums) and, whenever age recipients
 * are configured, then encrypted with age to X25519 recipients. The stored object is therefore read
 * back with {@code age -d -i key.txt snapshot.db.zst.age | zstd -d > snapshot.db}. {@link
 * io.lifeboat.codec.StoredName} owns the file-name suffixes ({@code .zst}, {@code .zst.age}).
 *
 * <p>{@link io.lifeboat.codec.AgeRecipients} parses public recipients ({@code age1...}) from config
 * lists and recipient files ({@code age -R} syntax) and fingerprints them for the repository
 * descriptor; {@link io.lifeboat.codec.AgeIdentities} loads secret identity files ({@code
 * age-keygen} output). {@link io.lifeboat.codec.Encoding} streams a payload out, {@link
 * io.lifeboat.codec.Decoding} streams it back in; neither ever holds a whole payload in memory.
 *
 * <p>This package must never log, print or put into an exception message any secret key material,
 * not even a prefix of it; bad recipients are quoted by their first characters only. It knows
 * nothing of object stores or backups: it transforms streams.
 */
package io.lifeboat.codec;
