package io.lifeboat.prune;

import io.lifeboat.store.DeleteResult;
import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.ForwardingStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store whose chosen keys are under S3 Object Lock retention: DeleteObjects reports them as
 * AccessDenied errors in its result, as S3 does, and deletes the rest.
 */
final class ObjectLockedStore extends ForwardingStore {
  static final String REFUSAL =
      "AccessDenied: Access Denied because object protected by object lock";
  private final Set<String> locked;

  ObjectLockedStore(ObjectStore delegate, Set<String> locked) {
    super(delegate);
    this.locked = Set.copyOf(locked);
  }

  @Override
  public DeleteResult delete(Collection<String> keys) {
    List<String> allowed = new ArrayList<>();
    Map<String, String> refused = new LinkedHashMap<>();
    for (String key : keys) {
      if (locked.contains(key)) {
        refused.put(key, REFUSAL);
      } else {
        allowed.add(key);
      }
    }
    DeleteResult result = delegate.delete(allowed);
    refused.putAll(result.refused());
    return new DeleteResult(result.deleted(), refused);
  }
}
