package io.lifeboat.jobs.etcd;

import io.lifeboat.app.EntryPoint;
import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/** The etcd snapshot CronJob image's entry point. */
@QuarkusMain
public class EtcdSnapshotMain {
  static final EntryPoint ENTRY =
      new EntryPoint(
          "lifeboat-etcd-snapshot",
          "Takes one etcd snapshot, verifies it while streaming and commits it to the backup location.",
          List.of(EtcdConfig.class));

  public static void main(String... args) {
    Launcher.launch(ENTRY, EtcdSnapshotApp.class, args);
  }
}
