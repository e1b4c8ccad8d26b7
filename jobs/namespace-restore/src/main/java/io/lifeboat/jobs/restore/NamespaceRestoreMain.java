package io.lifeboat.jobs.restore;

import io.lifeboat.app.EntryPoint;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.NamespaceRestoreConfig;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/** The one-off namespace restore Job image's entry point. */
@QuarkusMain
public class NamespaceRestoreMain {
  static final EntryPoint ENTRY =
      new EntryPoint(
          "lifeboat-namespace-restore",
          "Restores one namespace backup into the cluster, or each namespace matching LIFEBOAT_RESTORE_NAMESPACES (or prints the plan with LIFEBOAT_RESTORE_DRY_RUN=true).",
          List.of(NamespaceRestoreConfig.class));

  public static void main(String... args) {
    Launcher.launch(ENTRY, NamespaceRestoreApp.class, args);
  }
}
