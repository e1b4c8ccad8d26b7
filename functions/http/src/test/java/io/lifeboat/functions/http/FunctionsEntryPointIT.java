package io.lifeboat.functions.http;

import io.lifeboat.testing.EntryPointContract;
import java.util.List;

/** The packaged lifeboat-functions refuses what it does not understand and answers --help. */
class FunctionsEntryPointIT extends EntryPointContract {
  @Override
  protected String name() {
    return "lifeboat-functions";
  }

  @Override
  protected List<String> variables() {
    return List.of("LIFEBOAT_STANDALONE", "LIFEBOAT_TASKS_ETCD_SNAPSHOT_SCHEDULE");
  }
}
