package io.lifeboat.jobs.prune;

import io.lifeboat.testing.EntryPointContract;
import java.util.List;

/** The packaged lifeboat-prune refuses what it does not understand and answers --help. */
class PruneEntryPointIT extends EntryPointContract {
  @Override
  protected String name() {
    return "lifeboat-prune";
  }

  @Override
  protected List<String> variables() {
    return List.of("LIFEBOAT_PRUNE_ETCD_KEEP_DAILY", "LIFEBOAT_PRUNE_GRACE_PERIOD");
  }
}
