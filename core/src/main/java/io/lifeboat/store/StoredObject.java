package io.lifeboat.store;

/** What a committed {@link ObjectWriter} stored: size and SHA-256 (hex) of the bytes written. */
public record StoredObject(String key, long size, String sha256) {}
