package io.lifeboat.jobs.volumes;

import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The volume snapshot CronJob image's entry point. */
@QuarkusMain
public class VolumeSnapshotMain {
  public static void main(String... args) {
    Launcher.launch(VolumeSnapshotApp.class, args);
  }
}
