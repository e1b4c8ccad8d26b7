package io.lifeboat.jobs.export;

import io.lifeboat.testing.EntryPointContract;
import java.util.List;

/**
 * The packaged lifeboat-namespace-export refuses what it does not understand and answers --help.
 */
class NamespaceExportEntryPointIT extends EntryPointContract {
  @Override
  protected String name() {
    return "lifeboat-namespace-export";
  }

  @Override
  protected List<String> variables() {
    return List.of("LIFEBOAT_EXPORT_NAMESPACES", "LIFEBOAT_EXPORT_EXCLUDE_NAMESPACES");
  }
}
