package io.lifeboat.repository;

import io.lifeboat.store.ObjectStore;
import io.lifeboat.store.file.FileObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The marker protocol on the file store (a real directory, fsynced writes). */
class MarkerProtocolFileStoreTest extends MarkerProtocolContract {
  @TempDir Path root;

  @Override
  protected ObjectStore newStore() {
    return new FileObjectStore(root);
  }
}
