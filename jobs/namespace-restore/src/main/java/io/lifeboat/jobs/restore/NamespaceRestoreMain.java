package io.lifeboat.jobs.restore;

import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The one-off namespace restore Job image's entry point. */
@QuarkusMain
public class NamespaceRestoreMain {
  public static void main(String... args) {
    Launcher.launch(NamespaceRestoreApp.class, args);
  }
}
