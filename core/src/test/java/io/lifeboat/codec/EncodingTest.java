package io.lifeboat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeboat.error.IntegrityException;
import io.lifeboat.error.InvalidConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingTest {
  @TempDir Path dir;
  Path identity;
  Encoding encrypting;
  Decoding decoding;
  byte[] payload;

  @BeforeEach
  void keys() throws Exception {
    identity = Cli.keygen(dir, "key.txt");
    encrypting = Encoding.of(AgeRecipients.of(List.of(Cli.recipientOf(dir, identity))));
    decoding = Decoding.with(AgeIdentities.fromFile(identity));
    payload = Payloads.mixed(2, 7);
  }

  @ParameterizedTest(name = "round-trips a {0}-byte payload")
  @ValueSource(ints = {0, 1, 65535, 65536, 65537, 3 * 65536})
  void roundTripsPayloadsOfAnySize(int size) throws IOException {
    byte[] data = Arrays.copyOf(payload, size);

    assertThat(decode(decoding, encode(encrypting, data), "x.zst.age")).isEqualTo(data);
    assertThat(decode(decoding, encode(Encoding.of(AgeRecipients.none()), data), "x.zst"))
        .isEqualTo(data);
  }

  @Test
  void encodingNeverClosesTheCallersStream() throws IOException {
    CloseRecordingStream target = new CloseRecordingStream();
    try (OutputStream out = encrypting.encode(target)) {
      out.write(payload);
    }

    assertThat(target.closed).isFalse();
    assertThat(target.flushed).isTrue();
    assertThat(decode(decoding, target.toByteArray(), "x.zst.age")).isEqualTo(payload);
  }

  @Test
  void encodingStreamsInsteadOfBufferingThePayload() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    OutputStream out = encrypting.encode(target);
    byte[] noise = Payloads.mixed(8, 3);
    out.write(noise);

    // Random data hardly compresses: most of it must already have reached the target.
    assertThat(target.size()).isGreaterThan(2 * 1024 * 1024);
    out.close();
  }

  @Test
  void aFlippedByteInTheCiphertextIsAnIntegrityFailure() throws IOException {
    byte[] stored = encode(encrypting, payload);
    stored[stored.length / 2] ^= 0x01;

    assertThatThrownBy(() -> decode(decoding, stored, "snapshot.db.zst.age"))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("'snapshot.db.zst.age' is corrupt or truncated");
  }

  @Test
  void aFlippedByteInAnUnencryptedZstdFrameIsAnIntegrityFailure() throws IOException {
    byte[] stored = encode(Encoding.of(AgeRecipients.none()), payload);
    stored[stored.length / 2] ^= 0x01;

    assertThatThrownBy(() -> decode(decoding, stored, "snapshot.db.zst"))
        .isInstanceOf(IntegrityException.class);
  }

  @ParameterizedTest(name = "a {0}-byte truncation is an integrity failure")
  @ValueSource(ints = {1, 17, 65536})
  void aTruncatedObjectIsAnIntegrityFailure(int cut) throws IOException {
    byte[] stored = encode(encrypting, payload);
    byte[] plainStored = encode(Encoding.of(AgeRecipients.none()), payload);

    assertThatThrownBy(
            () -> decode(decoding, Arrays.copyOf(stored, stored.length - cut), "x.zst.age"))
        .isInstanceOf(IntegrityException.class);
    assertThatThrownBy(
            () -> decode(decoding, Arrays.copyOf(plainStored, plainStored.length - cut), "x.zst"))
        .isInstanceOf(IntegrityException.class);
  }

  @Test
  void aCorruptAgeHeaderIsAnIntegrityFailure() throws IOException {
    byte[] stored = encode(encrypting, payload);
    stored[3] = 'X'; // "age-encryption.org/v1" -> "ageXencryption.org/v1"

    assertThatThrownBy(() -> decode(decoding, stored, "x.zst.age"))
        .isInstanceOf(IntegrityException.class);
  }

  @Test
  void aFailingSourceStaysAnIoFailureNotAnIntegrityFailure() throws IOException {
    byte[] stored = encode(encrypting, payload);
    InputStream failing =
        new FilterInputStream(new ByteArrayInputStream(stored)) {
          int served;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (served > 200_000) {
              throw new IOException("connection reset by peer");
            }
            int n = super.read(b, off, Math.min(len, 8192));
            served += Math.max(n, 0);
            return n;
          }
        };

    assertThatThrownBy(() -> decoding.decode(failing, "x.zst.age").readAllBytes())
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("connection reset by peer");
  }

  @Test
  void anEncryptedObjectWithoutIdentitiesIsAConfigurationError() throws IOException {
    byte[] stored = encode(encrypting, payload);

    assertThatThrownBy(() -> decode(Decoding.withoutIdentities(), stored, "x.zst.age"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("lifeboat.age.identity-file");
  }

  @Test
  void outOfRangeSettingsNameTheirProperty() {
    assertThatThrownBy(() -> new Encoding(99, 0, AgeRecipients.none()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("lifeboat.compression.level must be between");
    assertThatThrownBy(() -> new Encoding(3, -1, AgeRecipients.none()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("lifeboat.compression.workers must be between 0 and 200, was -1");
  }

  static byte[] encode(Encoding encoding, byte[] payload) throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    try (OutputStream out = encoding.encode(target)) {
      out.write(payload);
    }
    return target.toByteArray();
  }

  static byte[] decode(Decoding decoding, byte[] stored, String name) throws IOException {
    try (InputStream in = decoding.decode(new ByteArrayInputStream(stored), name)) {
      return in.readAllBytes();
    }
  }

  static final class CloseRecordingStream extends ByteArrayOutputStream {
    boolean closed;
    boolean flushed;

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
