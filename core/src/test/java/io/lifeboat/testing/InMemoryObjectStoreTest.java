package io.lifeboat.testing;

import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.ObjectStoreContract;

/** The in-memory stand-in passes the same conformance suite as the real adapters. */
class InMemoryObjectStoreTest extends ObjectStoreContract {
  @Override
  protected ObjectStore openEmptyStore() {
    return new InMemoryObjectStore();
  }
}
