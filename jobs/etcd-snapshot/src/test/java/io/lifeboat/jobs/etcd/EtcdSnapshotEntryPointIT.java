package io.lifeboat.jobs.etcd;

import io.lifeboat.testing.EntryPointContract;
import java.util.List;

/** The packaged lifeboat-etcd-snapshot refuses what it does not understand and answers --help. */
class EtcdSnapshotEntryPointIT extends EntryPointContract {
  @Override
  protected String name() {
    return "lifeboat-etcd-snapshot";
  }

  @Override
  protected List<String> variables() {
    return List.of(
        "LIFEBOAT_ETCD_ENDPOINTS",
        "LIFEBOAT_ETCD_CA_FILE",
        "LIFEBOAT_ETCD_DEADLINE",
        "LIFEBOAT_AGE_RECIPIENTS");
  }
}
