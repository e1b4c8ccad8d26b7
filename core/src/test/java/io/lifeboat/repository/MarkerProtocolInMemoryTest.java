package io.lifeboat.repository;

import io.lifeboat.store.ObjectStore;
import io.lifeboat.testing.InMemoryObjectStore;

class MarkerProtocolInMemoryTest extends MarkerProtocolContract {
  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore(clock);
  }
}
