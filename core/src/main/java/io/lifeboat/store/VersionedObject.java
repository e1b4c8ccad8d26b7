package io.lifeboat.store;

/** A small object's bytes with the etag to use in a following conditional write. */
public record VersionedObject(byte[] content, String etag) {}
