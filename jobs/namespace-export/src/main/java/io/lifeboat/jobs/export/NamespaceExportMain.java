package io.lifeboat.jobs.export;

import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The namespace export CronJob image's entry point. */
@QuarkusMain
public class NamespaceExportMain {
  public static void main(String... args) {
    Launcher.launch(NamespaceExportApp.class, args);
  }
}
