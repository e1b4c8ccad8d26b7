package io.lifeboat.jobs.etcd;

import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The etcd snapshot CronJob image's entry point. */
@QuarkusMain
public class EtcdSnapshotMain {
  public static void main(String... args) {
    Launcher.launch(EtcdSnapshotApp.class, args);
  }
}
