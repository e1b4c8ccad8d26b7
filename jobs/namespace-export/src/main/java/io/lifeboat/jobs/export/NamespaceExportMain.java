package io.lifeboat.jobs.export;

import io.lifeboat.app.EntryPoint;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/** The namespace export CronJob image's entry point. */
@QuarkusMain
public class NamespaceExportMain {
  static final EntryPoint ENTRY =
      new EntryPoint(
          "lifeboat-namespace-export",
          "Exports the selected namespaces, one backup each (exit 3 when some failed).",
          List.of(ExportConfig.class));

  public static void main(String... args) {
    Launcher.launch(ENTRY, NamespaceExportApp.class, args);
  }
}
