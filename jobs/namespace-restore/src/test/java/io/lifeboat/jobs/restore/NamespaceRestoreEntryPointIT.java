package io.lifeboat.jobs.restore;

import io.lifeboat.testing.EntryPointContract;
import java.util.List;

/**
 * The packaged lifeboat-namespace-restore refuses what it does not understand and answers --help.
 */
class NamespaceRestoreEntryPointIT extends EntryPointContract {
  @Override
  protected String name() {
    return "lifeboat-namespace-restore";
  }

  @Override
  protected List<String> variables() {
    return List.of(
        "LIFEBOAT_RESTORE_NAMESPACE", "LIFEBOAT_RESTORE_BACKUP", "LIFEBOAT_AGE_IDENTITY_FILE");
  }
}
