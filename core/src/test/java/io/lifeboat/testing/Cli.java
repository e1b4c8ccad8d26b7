package io.lifeboat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line tool (etcdctl, zstd, age, tar, s3cmd) and returns its output. */
public final class Cli {
  private Cli() {}

  /**
   * Runs {@code command} with extra {@code NAME=value} environment entries; fails on non-zero exit.
   */
  public static String run(List<String> environment, List<String> command) {
    Result result = exec(environment, command, null);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited " + result.exitCode() + ": " + result.output());
    }
    return result.output();
  }

  public record Result(int exitCode, String output) {}

  /**
   * Runs {@code command}, feeding {@code stdin} when not null, and returns exit code and output.
   */
  public static Result exec(List<String> environment, List<String> command, InputStream stdin) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    for (String entry : environment) {
      int eq = entry.indexOf('=');
      env.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    try {
      Process process = builder.start();
      if (stdin != null) {
        try (var in = process.getOutputStream()) {
          stdin.transferTo(in);
        }
      } else {
        process.getOutputStream().close();
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
