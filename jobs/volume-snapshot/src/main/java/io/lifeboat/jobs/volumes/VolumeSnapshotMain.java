package io.lifeboat.jobs.volumes;

import io.lifeboat.app.EntryPoint;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.VolumesConfig;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/** The volume snapshot CronJob image's entry point. */
@QuarkusMain
public class VolumeSnapshotMain {
  static final EntryPoint ENTRY =
      new EntryPoint(
          "lifeboat-volume-snapshot",
          "Takes CSI volume snapshots of the selected namespaces' PVCs (exit 3 when some failed).",
          List.of(VolumesConfig.class));

  public static void main(String... args) {
    Launcher.launch(ENTRY, VolumeSnapshotApp.class, args);
  }
}
