package io.lifeboat.restore.namespace;

import io.lifeboat.error.InvalidConfigurationException;
import java.util.Locale;

/**
 * What a restore does when an object already exists (the API answered 409 AlreadyExists).
 * Namespaces and CustomResourceDefinitions are never deleted: {@code recreate} updates them
 * instead, since deleting either deletes everything it holds.
 */
public enum ExistingPolicy {
  /** Leave the existing object as it is; reported as skipped. */
  SKIP,
  /** Replace the existing object's content (an update on its current resourceVersion). */
  UPDATE,
  /** Delete the existing object, wait until it is gone, create it again. */
  RECREATE;

  public static ExistingPolicy parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidConfigurationException(
          "existing-object policy must be skip, update or recreate, was '" + text + "'");
    }
  }
}
