package io.lifeboat.functions.lambda;

import io.lifeboat.testing.EntryPointContract;
import java.util.List;

/** The packaged lifeboat-lambda refuses what it does not understand and answers --help. */
class LambdaEntryPointIT extends EntryPointContract {
  @Override
  protected String name() {
    return "lifeboat-lambda";
  }

  @Override
  protected List<String> variables() {
    return List.of("LIFEBOAT_TASKS_PRUNE_SCHEDULE", "LIFEBOAT_ETCD_ENDPOINTS");
  }
}
