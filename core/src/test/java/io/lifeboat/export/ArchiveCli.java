package io.lifeboat.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a stored payload the way a person would: {@code zstd -d}, then {@code tar}. */
final class ArchiveCli {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The archive's entry paths in order and a directory it was extracted to. */
  record Archive(List<String> paths, Path root) {
    JsonNode object(String path) throws IOException {
      return MAPPER.readTree(root.resolve(path).toFile());
    }

    String text(String path) throws IOException {
      return Files.readString(root.resolve(path));
    }
  }

  static Archive read(byte[] stored, Path workDir) throws IOException, InterruptedException {
    Path compressed = workDir.resolve("resources.tar.zst");
    Files.write(compressed, stored);
    run(workDir, "zstd", "-d", "-q", "-f", "resources.tar.zst", "-o", "resources.tar");
    String listing = run(workDir, "tar", "-tf", "resources.tar");
    Path root = Files.createDirectories(workDir.resolve("extracted"));
    run(workDir, "tar", "-xf", "resources.tar", "-C", root.toString());
    return new Archive(listing.lines().toList(), root);
  }

  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(dir, "cli", ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("%s said: %s", List.of(command), text).isZero();
    Files.delete(output);
    return text;
  }
}
