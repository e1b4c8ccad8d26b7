package io.lifeboat.cli;

import io.lifeboat.app.Launcher;
import io.quarkus.runtime.annotations.QuarkusMain;

/** {@code lifeboat}: the operator's CLI. */
@QuarkusMain
public class CliMain {
  public static void main(String... args) {
    Launcher.launch(CliApp.class, args);
  }
}
