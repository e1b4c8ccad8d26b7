package io.lifeboat.jobs.volumes;

import io.lifeboat.testing.EntryPointContract;
import java.util.List;

/** The packaged lifeboat-volume-snapshot refuses what it does not understand and answers --help. */
class VolumeSnapshotEntryPointIT extends EntryPointContract {
  @Override
  protected String name() {
    return "lifeboat-volume-snapshot";
  }

  @Override
  protected List<String> variables() {
    return List.of("LIFEBOAT_VOLUMES_INCLUDE_NAMESPACES", "LIFEBOAT_VOLUMES_READY_DEADLINE");
  }
}
