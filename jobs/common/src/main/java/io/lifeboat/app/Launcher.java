package io.lifeboat.app;

import io.lifeboat.error.ExitCode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Starts an app so that a start-up failure (a property of the wrong type, say) exits 2 with one
 * line naming the property instead of Quarkus's exit 1 and a stack trace.
 */
public final class Launcher {
  private Launcher() {}

  public static void launch(Class<? extends QuarkusApplication> app, String... args) {
    Quarkus.run(
        app,
        (code, failure) -> {
          if (failure != null) {
            StartupFailure startup = StartupFailure.of(failure);
            System.err.println("lifeboat: " + startup.message());
            System.exit(startup.exitCode().code());
          }
          System.exit(code);
        },
        args);
  }

  /** Exit code for a failure that escaped a task, after printing it as one line. */
  public static int report(Throwable failure) {
    StartupFailure described = StartupFailure.of(failure);
    System.err.println("lifeboat: " + described.message());
    return described.exitCode().code();
  }

  static ExitCode exitCode(Throwable failure) {
    return StartupFailure.of(failure).exitCode();
  }
}
