package io.lifeboat.functions.http;

import io.lifeboat.app.EntryPoint;
import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.ExportConfig;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.TaskSchedules;
import io.lifeboat.app.VolumesConfig;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/**
 * The function app's entry point: refuses arguments (config is the environment) and serves until
 * stopped, as Quarkus's default main does.
 */
@QuarkusMain
public class FunctionsMain {
  static final EntryPoint ENTRY =
      new EntryPoint(
          "lifeboat-functions",
          "Serves the tasks as HTTP functions (POST /etcdSnapshot, /etcdDelta, /namespaceExport,"
              + " /volumeSnapshot, /prune, /list, /describe); with LIFEBOAT_STANDALONE=true it also"
              + " runs each task on its LIFEBOAT_TASKS_<TASK>_SCHEDULE.",
          List.of(
              StandaloneConfig.class,
              TaskSchedules.class,
              EtcdConfig.class,
              ExportConfig.class,
              VolumesConfig.class,
              PruneConfig.class));

  public static void main(String... args) {
    Launcher.serve(ENTRY, args);
  }
}
