package io.lifeboat.functions.lambda;

import io.lifeboat.app.EntryPoint;
import io.lifeboat.app.EtcdConfig;
import io.lifeboat.app.Launcher;
import io.lifeboat.app.PruneConfig;
import io.lifeboat.app.TaskSchedules;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/**
 * The Lambda package's command line (a custom runtime's bootstrap runs it): refuses arguments and
 * otherwise starts as Quarkus's default main does. The JVM runtime calls the handler instead.
 */
@QuarkusMain
public class LambdaMain {
  static final EntryPoint ENTRY =
      new EntryPoint(
          "lifeboat-lambda",
          "The Lambda handler: an event {\"task\": \"etcdSnapshot\"|\"prune\"|\"list\", ...}"
              + " runs that task.",
          List.of(TaskSchedules.class, EtcdConfig.class, PruneConfig.class));

  public static void main(String... args) {
    Launcher.serve(ENTRY, args);
  }
}
