package io.lifeboat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.InvalidConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formats round-trip through the real age and zstd CLIs, both ways. */
class AgeZstdCliIT {
  @TempDir Path dir;
  Path identity;
  String recipient;
  byte[] payload;

  @BeforeEach
  void keysAndPayload() throws Exception {
    identity = Cli.keygen(dir, "key.txt");
    recipient = Cli.recipientOf(dir, identity);
    payload = Payloads.mixed(6, 42);
  }

  @Test
  void whatJavaEncryptsIsReadByAgeThenZstd() throws Exception {
    Path stored = dir.resolve("snapshot.db.zst.age");
    Encoding encoding = Encoding.of(AgeRecipients.of(List.of(recipient)));
    try (OutputStream target = Files.newOutputStream(stored);
        OutputStream out = encoding.encode(target)) {
      out.write(payload);
    }

    Cli.run(
        dir,
        null,
        dir.resolve("age.out"),
        "age",
        "-d",
        "-i",
        identity.toString(),
        "-o",
        "snapshot.db.zst",
        stored.toString());
    Path restored =
        Cli.run(
            dir,
            dir.resolve("snapshot.db.zst"),
            dir.resolve("snapshot.db"),
            "zstd",
            "-d",
            "-q",
            "-c");

    assertThat(Files.readAllBytes(restored)).isEqualTo(payload);
  }

  @Test
  void whatJavaCompressesWithoutRecipientsIsReadByZstd() throws Exception {
    Path stored = dir.resolve("resources.tar.zst");
    try (OutputStream target = Files.newOutputStream(stored);
        OutputStream out = Encoding.of(AgeRecipients.none()).encode(target)) {
      out.write(payload);
    }

    Path restored = Cli.run(dir, stored, dir.resolve("resources.tar"), "zstd", "-d", "-q", "-c");

    assertThat(Files.readAllBytes(restored)).isEqualTo(payload);
    assertThat(Files.size(stored)).isLessThan(payload.length * 3L / 5);
  }

  @Test
  void whatZstdAndAgeWriteIsDecodedByJava() throws Exception {
    Path plain = dir.resolve("snapshot.db");
    Files.write(plain, payload);
    Cli.run(dir, plain, dir.resolve("snapshot.db.zst"), "zstd", "-q", "-c", "-19");
    Cli.run(
        dir,
        dir.resolve("snapshot.db.zst"),
        dir.resolve("snapshot.db.zst.age"),
        "age",
        "-r",
        recipient);

    byte[] decoded;
    try (InputStream in =
        Decoding.with(AgeIdentities.fromFile(identity))
            .decode(
                Files.newInputStream(dir.resolve("snapshot.db.zst.age")), "snapshot.db.zst.age")) {
      decoded = in.readAllBytes();
    }

    assertThat(decoded).isEqualTo(payload);
  }

  @Test
  void multiThreadedCompressionIsStillOneStandardStream() throws Exception {
    Path stored = dir.resolve("snapshot.db.zst.age");
    Encoding encoding = new Encoding(6, 2, AgeRecipients.of(List.of(recipient)));
    try (OutputStream target = Files.newOutputStream(stored);
        OutputStream out = encoding.encode(target)) {
      out.write(payload);
    }

    Cli.run(
        dir,
        null,
        dir.resolve("age.out"),
        "age",
        "-d",
        "-i",
        identity.toString(),
        "-o",
        "snapshot.db.zst",
        stored.toString());
    Path restored =
        Cli.run(
            dir,
            dir.resolve("snapshot.db.zst"),
            dir.resolve("snapshot.db"),
            "zstd",
            "-d",
            "-q",
            "-c");

    assertThat(Files.readAllBytes(restored)).isEqualTo(payload);
  }

  @Test
  void anIdentityThatOpensNoRecipientIsAConfigurationErrorNamingItsFile() throws Exception {
    Path other = Cli.keygen(dir, "other.txt");
    byte[] stored = encode(Encoding.of(AgeRecipients.of(List.of(recipient))), payload);

    assertThatThrownBy(
            () -> decode(Decoding.with(AgeIdentities.fromFile(other)), stored, "x.zst.age"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(
            "age identity in " + other + " does not match any recipient of this backup");
  }

  @Test
  void ageRejectsAFileEncryptedToAnotherRecipient() throws Exception {
    Path other = Cli.keygen(dir, "other.txt");
    Path stored = dir.resolve("x.zst.age");
    Files.write(stored, encode(Encoding.of(AgeRecipients.of(List.of(recipient))), payload));

    Cli.Result result =
        Cli.attempt(
            dir,
            null,
            dir.resolve("x.zst"),
            "age",
            "-d",
            "-i",
            other.toString(),
            stored.toString());

    assertThat(result.exitCode()).isNotZero();
  }

  @Test
  void aCompressedPayloadOfExactlyOneAgeChunkEndsWithAFinalChunkAgeAccepts() throws Exception {
    // age encrypts in 64 KiB chunks and the last one must be flagged as last: find a random
    // payload whose zstd form is exactly 64 KiB, the boundary where a lazy flush goes wrong.
    byte[] exact = null;
    for (int size = 65_400; size < 65_536 && exact == null; size++) {
      byte[] candidate = java.util.Arrays.copyOf(payload, size);
      if (encode(Encoding.of(AgeRecipients.none()), candidate).length == 65_536) {
        exact = candidate;
      }
    }
    assertThat(exact).as("a payload that compresses to exactly 64 KiB").isNotNull();
    Path stored = dir.resolve("exact.zst.age");
    Files.write(stored, encode(Encoding.of(AgeRecipients.of(List.of(recipient))), exact));

    Cli.run(
        dir,
        null,
        dir.resolve("age.out"),
        "age",
        "-d",
        "-i",
        identity.toString(),
        "-o",
        "exact.zst",
        stored.toString());
    Path restored =
        Cli.run(dir, dir.resolve("exact.zst"), dir.resolve("exact"), "zstd", "-d", "-q", "-c");

    assertThat(Files.size(dir.resolve("exact.zst"))).isEqualTo(65_536);
    assertThat(Files.readAllBytes(restored)).isEqualTo(exact);
  }

  private static byte[] encode(Encoding encoding, byte[] payload) throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    try (OutputStream out = encoding.encode(target)) {
      out.write(payload);
    }
    return target.toByteArray();
  }

  private static byte[] decode(Decoding decoding, byte[] stored, String name) throws IOException {
    try (InputStream in = decoding.decode(new java.io.ByteArrayInputStream(stored), name)) {
      return in.readAllBytes();
    }
  }
}
