package io.lifeboat.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged job of the module under test ({@code target/quarkus-app/quarkus-run.jar}, or the
 * {@code lifeboat.job.jar} property), run as a CronJob would run it: a fresh JVM, config from the
 * environment only (the test JVM's own {@code LIFEBOAT_*} and {@code AWS_*} variables removed).
 *
 * <p>With the {@code lifeboat.job.executable} property (the {@code native} profile sets it to the
 * native executable) the same tests run that executable instead of a JVM.
 */
public final class JobProcess {
  public static final Path JAR =
      Path.of(System.getProperty("lifeboat.job.jar", "target/quarkus-app/quarkus-run.jar"));

  /** The native executable under test, when the build made one; else the JVM runs {@link #JAR}. */
  public static final String EXECUTABLE = System.getProperty("lifeboat.job.executable", "");

  private JobProcess() {}

  public record Result(int exitCode, String output) {}

  public static ProcessBuilder builder(Map<String, String> env, String... args) {
    List<String> command =
        EXECUTABLE.isEmpty()
            ? new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()))
            : new ArrayList<>(List.of(EXECUTABLE));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("LIFEBOAT_") || k.startsWith("AWS_"));
    builder.environment().putAll(env);
    return builder;
  }

  public static Result run(Map<String, String> env, String... args) {
    try {
      Process process = builder(env, args).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("job did not finish: " + output);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
