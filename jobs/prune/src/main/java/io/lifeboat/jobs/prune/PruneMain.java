package io.lifeboat.jobs.prune;

import io.lifeboat.app.EntryPoint;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.PruneConfig;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/** The prune CronJob image's entry point. */
@QuarkusMain
public class PruneMain {
  static final EntryPoint ENTRY =
      new EntryPoint(
          "lifeboat-prune",
          "Deletes the backups the retention policy no longer keeps, and garbage older than the grace period.",
          List.of(PruneConfig.class));

  public static void main(String... args) {
    Launcher.launch(ENTRY, PruneApp.class, args);
  }
}
