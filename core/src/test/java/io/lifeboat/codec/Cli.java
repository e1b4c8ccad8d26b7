package io.lifeboat.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code age}, {@code age-keygen} and {@code zstd} CLIs (Debian packages age, zstd).
 * A missing CLI fails the test: these tests prove the format, so they must never be skipped.
 */
final class Cli {
  private Cli() {}

  /** Runs {@code command} with stdin and stdout redirected to files, and returns stdout's path. */
  static Path run(Path workDir, Path stdin, Path stdout, String... command) throws Exception {
    Result result = attempt(workDir, stdin, stdout, command);
    assertThat(result.exitCode())
        .as("%s failed: %s", String.join(" ", command), result.stderr())
        .isZero();
    return stdout;
  }

  /** Runs {@code command} and returns its exit code and stderr, whatever they are. */
  static Result attempt(Path workDir, Path stdin, Path stdout, String... command) throws Exception {
    Path executable = Path.of("/usr/bin", command[0]);
    assertThat(Files.isExecutable(executable))
        .as("%s is required for this test (apt-get install age zstd)", executable)
        .isTrue();
    Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(workDir.toFile());
    builder.redirectInput(
        stdin == null
            ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
            : ProcessBuilder.Redirect.from(stdin.toFile()));
    builder.redirectOutput(stdout.toFile());
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish within 2 minutes");
    }
    return new Result(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** A new identity file written by {@code age-keygen}; returns its path. */
  static Path keygen(Path workDir, String name) throws Exception {
    Path key = workDir.resolve(name);
    run(workDir, null, workDir.resolve(name + ".out"), "age-keygen", "-o", key.toString());
    return key;
  }

  /** The recipient of an identity file, as {@code age-keygen -y} prints it. */
  static String recipientOf(Path workDir, Path identity) throws Exception {
    Path out = workDir.resolve(identity.getFileName() + ".pub");
    run(workDir, null, out, "age-keygen", "-y", identity.toString());
    return Files.readString(out, StandardCharsets.UTF_8).strip();
  }

  record Result(int exitCode, String stderr) {}
}
