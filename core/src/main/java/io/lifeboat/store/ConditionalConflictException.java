package io.lifeboat.store;

import io.lifeboat.error.LocationUnavailableException;

/**
 * S3's 409 {@code ConditionalRequestConflict}: another conditional write to the same key was in
 * flight, so the store decided neither for nor against this one. Unlike a 412 it says nothing about
 * the condition; the caller retries (the repository does, with a bounded backoff). Left unhandled
 * it is a location failure (exit 5).
 */
public class ConditionalConflictException extends LocationUnavailableException {
  public ConditionalConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
