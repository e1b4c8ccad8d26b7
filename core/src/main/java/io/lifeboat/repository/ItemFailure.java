package io.lifeboat.repository;

/** One item a backup or restore could not handle (an object, a PVC), with the reason. */
public record ItemFailure(String item, String reason) {}
