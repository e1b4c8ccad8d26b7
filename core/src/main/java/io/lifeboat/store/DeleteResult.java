package io.lifeboat.store;

import java.util.List;
import java.util.Map;

/**
 * Outcome of a batch delete. {@code refused} maps keys the store would not delete (Object Lock
 * retention, AccessDenied) to the store's reason.
 */
public record DeleteResult(List<String> deleted, Map<String, String> refused) {
  public DeleteResult {
    deleted = List.copyOf(deleted);
    refused = Map.copyOf(refused);
  }
}
