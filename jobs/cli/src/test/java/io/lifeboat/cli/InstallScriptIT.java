package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lifeboat.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/install.sh, as the README's quick start runs it, into a scratch prefix: a {@code
 * lifeboat} on that PATH that runs, and bash completion that completes its commands.
 */
class InstallScriptIT {
  private static final Path SCRIPT =
      Path.of("../../scripts/install.sh").toAbsolutePath().normalize();

  @TempDir Path prefix;

  @Test
  void installPutsARunnableLifeboatAndItsCompletionUnderThePrefix() throws IOException {
    String path = prefix.resolve("bin") + ":" + System.getenv("PATH");
    Cli.Result install =
        Cli.exec(
            List.of("PREFIX=" + prefix, "LIFEBOAT_SKIP_BUILD=1", "PATH=" + System.getenv("PATH")),
            List.of(SCRIPT.toString()),
            null);
    assertThat(install.exitCode()).as(install.output()).isZero();
    assertThat(install.output()).contains("installed " + prefix.resolve("bin/lifeboat"));

    // Found through PATH, as a shell finds it.
    Cli.Result version =
        Cli.exec(List.of("PATH=" + path), List.of("sh", "-c", "lifeboat --version"), null);
    assertThat(version.output().strip()).isEqualTo("lifeboat 0.1.0-SNAPSHOT");

    Path completion = prefix.resolve("share/bash-completion/completions/lifeboat");
    String completed =
        Cli.run(
            List.of("PATH=" + path),
            List.of(
                "bash",
                "-c",
                "source "
                    + completion
                    + "; COMP_LINE='lifeboat backups d'; COMP_WORDS=(lifeboat backups d);"
                    + " COMP_CWORD=2; _complete_lifeboat; echo ${COMPREPLY[@]}"));
    assertThat(completed.strip().split(" ")).contains("describe", "download");
    assertThat(Files.isExecutable(prefix.resolve("bin/lifeboat"))).isTrue();
  }
}
