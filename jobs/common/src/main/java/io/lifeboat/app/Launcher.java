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

  /**
   * Starts a job image or function app: {@code --help} prints {@code entry}'s usage and exits 0,
   * any other argument exits 2 naming it; both before Quarkus starts, so nothing is read or
   * touched.
   */
  public static void launch(
      EntryPoint entry, Class<? extends QuarkusApplication> app, String... args) {
    refuseArguments(entry, args);
    launch(app, args);
  }

  /** The same check for an app that serves until stopped (the function apps). */
  public static void serve(EntryPoint entry, String... args) {
    refuseArguments(entry, args);
    launch(UntilStopped.class, args);
  }

  /** An app that serves (HTTP, the scheduler, Lambda) until the process is told to stop. */
  public static class UntilStopped implements QuarkusApplication {
    @Override
    public int run(String... args) {
      Quarkus.waitForExit();
      return 0;
    }
  }

  private static void refuseArguments(EntryPoint entry, String... args) {
    EntryPoint.Verdict verdict = entry.check(args);
    if (verdict.exitNow().isPresent()) {
      System.out.print(verdict.stdout());
      if (!verdict.stderr().isEmpty()) {
        System.err.println(verdict.stderr());
      }
      System.out.flush();
      System.exit(verdict.exitNow().get());
    }
  }

  /** Exit code for a failure that escaped a task, after printing it as one line. */
  public static int report(Throwable failure) {
    return report(failure, java.util.Map.of());
  }

  /** The same, naming properties given as flags ({@code flags}: property -> value) by the flag. */
  public static int report(Throwable failure, java.util.Map<String, String> flags) {
    StartupFailure described = StartupFailure.of(failure, flags);
    System.err.println("lifeboat: " + described.message());
    return described.exitCode().code();
  }

  static ExitCode exitCode(Throwable failure) {
    return StartupFailure.of(failure).exitCode();
  }
}
