package io.lifeboat.jobs.prune;

import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The prune CronJob image's entry point. */
@QuarkusMain
public class PruneMain {
  public static void main(String... args) {
    Launcher.launch(PruneApp.class, args);
  }
}
