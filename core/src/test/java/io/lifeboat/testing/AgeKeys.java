package io.lifeboat.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An age key pair made by the real {@code age-keygen}, for tests that decrypt with the CLI. */
public record AgeKeys(Path identityFile, String recipient) {

  public static AgeKeys generate(Path dir) {
    Path identity = dir.resolve("key-" + System.nanoTime() + ".txt");
    Cli.run(List.of(), List.of("age-keygen", "-o", identity.toString()));
    try {
      String recipient =
          Files.readAllLines(identity).stream()
              .filter(l -> l.startsWith("# public key: "))
              .map(l -> l.substring("# public key: ".length()).strip())
              .findFirst()
              .orElseThrow();
      return new AgeKeys(identity, recipient);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
