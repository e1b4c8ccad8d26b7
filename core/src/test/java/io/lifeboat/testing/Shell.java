package io.lifeboat.testing;

import java.util.List;

/** Runs a bash pipeline, for the stock-tool recoveries a person would type. */
public final class Shell {
  private Shell() {}

  public static String run(String script) {
    return Cli.run(List.of(), List.of("bash", "-o", "pipefail", "-c", script));
  }
}
