package io.lifeboat.store;

import java.time.Instant;

/**
 * One listed object. {@code etag} may be null where the store cannot give it cheaply (the file
 * store hashes content, so it leaves etags out of listings).
 */
public record ObjectInfo(String key, long size, Instant lastModified, String etag) {}
