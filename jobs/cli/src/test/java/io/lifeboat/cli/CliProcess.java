package io.lifeboat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code lifeboat} CLI run as a person runs it: a fresh JVM, flags and environment.
 * With the {@code lifeboat.cli.executable} property (the {@code native} profile sets it to the
 * native executable) the same tests run that executable instead.
 */
final class CliProcess {
  static final Path JAR =
      Path.of(System.getProperty("lifeboat.cli.jar", "target/quarkus-app/quarkus-run.jar"));

  static final String EXECUTABLE = System.getProperty("lifeboat.cli.executable", "");

  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(Map<String, String> env, String... args) {
    List<String> command =
        new ArrayList<>(
            EXECUTABLE.isEmpty()
                ? List.of("java", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
                : List.of(EXECUTABLE));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("LIFEBOAT_") || k.startsWith("AWS_"));
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      var stderr = process.getErrorStream();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("lifeboat " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), out, err);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
